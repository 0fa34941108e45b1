import { Show } from "solid-js";
import type { SyncState } from "../../db";
import { TimeText } from "../format/TimeText";
import { GenerationFreshness } from "./GenerationFreshness";

/**
 * "fetched 3 min ago · complete": how old the data on screen is, from its sync state. A list
 * fetched per API generation (activities, campaigns) says it per generation instead.
 */
export function Freshness(props: { state: SyncState | undefined; now: number; what?: string }) {
  return (
    <Show when={props.state?.generations && props.state} fallback={<WholeFreshness {...props} />}>
      {(state) => <GenerationFreshness state={state()} now={props.now} />}
    </Show>
  );
}

/** One dataset fetched as a whole (a send list), or a list state stored before generations were. */
function WholeFreshness(props: { state: SyncState | undefined; now: number; what?: string }) {
  const completeness = () => {
    const status = props.state?.status;
    if (status === "complete") return "complete";
    if (status === "partial" || status === "stopped") return "partial";
    if (status === "running") return "updating…";
    return undefined;
  };
  return (
    <p class="freshness muted">
      <Show when={props.state?.fetchedAt} fallback={<>{props.what ?? "Data"} not fetched yet</>}>
        {(fetchedAt) => (
          <>
            fetched <TimeText at={fetchedAt()} now={props.now} />
          </>
        )}
      </Show>
      <Show when={completeness()}>{(word) => <> · {word()}</>}</Show>
    </p>
  );
}

/** Older than this, a screen says its data may be out of date. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

export function isStale(state: SyncState | undefined, now: number): boolean {
  return state?.fetchedAt !== undefined && now - state.fetchedAt > STALE_AFTER_MS;
}
