import { Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { resultsHrefOf } from "../../sync/resultsHref";
import { ErrorNotice } from "../errors/ErrorNotice";
import { createOnline } from "../primitives/createOnline";
import { createTask } from "../primitives/createTask";
import { fetchActivityResults } from "../work/sync";
import { downloadBlob } from "./downloadBlob";

/**
 * A finished export has a result file on Constant Contact, fetched with the account's token: v3's
 * results link or v2's `file_name` (before, only v3 showed the button).
 */
export function hasResultFile(activity: BulkActivity): boolean {
  return resultsHrefOf(activity) !== undefined;
}

/** "Download result file": online only, since the file lives on Constant Contact. */
export function DownloadResultButton(props: { activity: BulkActivity }) {
  const online = createOnline();
  const download = createTask(async () => {
    const blob = await fetchActivityResults(props.activity.accountId, props.activity.activityId);
    downloadBlob(blob, `constant-contact-export-${props.activity.activityId}.csv`);
  });
  return (
    <div class="download-result">
      <button type="button" disabled={!online() || download.running()} onClick={() => void download.run()}>
        {download.running() ? "Downloading…" : "Download result file"}
      </button>
      <Show when={!online()}>
        <span class="muted"> The result file is on Constant Contact: connect to download it.</span>
      </Show>
      <Show when={download.error()}>
        {(error) => <ErrorNotice error={error()} context="results" compact />}
      </Show>
    </div>
  );
}
