import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { loadErrorLines } from "../../db/queries/activities";
import { activityTitle, isUnfinished } from "../activities/activityFilter";
import { createActivityWatcher } from "../activities/createActivityWatcher";
import { ProgressBar } from "../activities/ProgressBar";
import { StatusBadge } from "../activities/StatusBadge";
import { ErrorNotice } from "../errors/ErrorNotice";
import { ScreenErrorBoundary } from "../errors/ScreenErrorBoundary";
import { ExportButton } from "../export/ExportButton";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { createOnline } from "../primitives/createOnline";
import { CheckNowButton } from "../pwa/CheckNowButton";
import { ActivityFacts } from "./ActivityFacts";
import { ActivityTimeline } from "./ActivityTimeline";
import { DownloadResultButton, hasResultFile } from "./DownloadResultButton";
import { ErrorLinesTable } from "./ErrorLinesTable";

/** One activity: status, progress while it runs (watched), timeline, counts, result file, error lines. */
export function ActivityDetailView(props: { activity: BulkActivity }) {
  const now = createNow(5_000);
  const online = createOnline();
  const lines = createLiveQuery(
    () => [props.activity.accountId, props.activity.activityId] as const,
    ([accountId, activityId]) => loadErrorLines(accountId, activityId),
  );
  const watcher = createActivityWatcher(
    () => props.activity.accountId,
    () => (isUnfinished(props.activity) ? 1 : 0),
    online,
  );
  return (
    <>
      <p>
        <A href="/activities">← All activities</A>
      </p>
      <h1>
        {activityTitle(props.activity)} <span class="muted activity-id">{props.activity.activityId}</span>
      </h1>
      <div class="activity-head">
        <StatusBadge status={props.activity.status} raw={props.activity.rawStatus} />
        <Show when={watcher.watching()}>
          <span class="badge watching">
            <span aria-hidden="true">◉ </span>watching
          </span>
        </Show>
        <Show when={props.activity.goneFromServer}>
          <span class="badge gone">no longer on Constant Contact</span>
        </Show>
      </div>
      <Show when={watcher.error()}>
        {(error) => <ErrorNotice error={error()} context="activities" compact />}
      </Show>
      <section class="panel" aria-label="Progress and timeline">
        <Show when={isUnfinished(props.activity)}>
          <ProgressBar activity={props.activity} label="Progress" />
          <CheckNowButton />
        </Show>
        <ActivityTimeline activity={props.activity} now={now()} />
        <ActivityFacts activity={props.activity} />
        <Show when={hasResultFile(props.activity)}>
          <DownloadResultButton activity={props.activity} />
        </Show>
      </section>
      {/* Its own boundary: error lines that cannot be read leave the rest of the activity shown. */}
      <ScreenErrorBoundary>
        <Show when={lines.value()} fallback={<p class="muted">Reading error lines…</p>}>
          {(rows) => (
            <ErrorLinesTable
              lines={rows()}
              exportControl={
                <Show when={rows().length > 0}>
                  <ExportButton
                    errorLines={{
                      accountId: props.activity.accountId,
                      activityId: props.activity.activityId,
                    }}
                    label="Export error lines (CSV)"
                  />
                </Show>
              }
            />
          )}
        </Show>
      </ScreenErrorBoundary>
    </>
  );
}
