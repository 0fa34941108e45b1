import { Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { downloadBlob } from "../../export/download";
import { ErrorNotice } from "../errors/ErrorNotice";
import { createOnline } from "../primitives/createOnline";
import { createTask } from "../primitives/createTask";
import { fetchActivityResults } from "../work/sync";

/** A finished v3 export has a result file on Constant Contact, fetched with the account's token. */
export function hasResultFile(activity: BulkActivity): boolean {
  return activity.generation === "v3" && activity.status === "completed" && Boolean(activity.resultsHref);
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
