import { Show } from "solid-js";
import type { SyncState } from "../../db";
import { formatCount, formatRate } from "../format/number";
import { ProgressTrack } from "../format/ProgressTrack";
import { formatDuration } from "../format/time";

/** Seconds left from the expected total and the run's rate; undefined when either is unknown. */
export function etaMs(state: SyncState): number | undefined {
  if (state.expectedRows === undefined || !state.rate) return undefined;
  return (Math.max(0, state.expectedRows - state.rows) / state.rate) * 1000;
}

const RETRY_CAUSE: Record<string, string> = {
  server: "Constant Contact had a server error",
  network: "Constant Contact could not be reached",
  throttled: "Constant Contact asked Mailroom to slow down",
  bad_response: "An answer from Constant Contact came cut short",
};

/** Why a running sync stalls for a moment: which request is being tried again, and how often. */
export function retryText(retry: NonNullable<SyncState["retrying"]>): string {
  const cause = RETRY_CAUSE[retry.kind] ?? "A request failed";
  return `${cause}: trying again (${retry.attempt} of ${retry.of}).`;
}

/** A running sync: a bar when the total is known, and rows, pages, rate and time left. */
export function SyncProgress(props: { state: SyncState; label: string }) {
  const fraction = () =>
    props.state.expectedRows ? Math.min(1, props.state.rows / props.state.expectedRows) : undefined;
  return (
    <div class="sync-progress">
      {/* A bar only when the total is known; 0 rows of it is still a bar. */}
      <Show when={fraction() !== undefined}>
        <ProgressTrack label={props.label} percent={Math.round((fraction() ?? 0) * 100)} />
      </Show>
      <p class="muted" aria-live="polite">
        {formatCount(props.state.rows)} rows · {formatCount(props.state.pages)} pages
        <Show when={props.state.rate}>{(rate) => <> · {formatRate(rate())} rows/s</>}</Show>
        <Show when={etaMs(props.state)}>{(left) => <> · about {formatDuration(left())} left</>}</Show>
      </p>
      <Show when={props.state.retrying}>
        {(retry) => (
          <p class="sync-retry" role="status" title={retry().message}>
            {retryText(retry())}
          </p>
        )}
      </Show>
    </div>
  );
}
