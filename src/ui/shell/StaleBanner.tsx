import { Show } from "solid-js";
import type { SyncState } from "../../db";
import { formatRelative } from "../format/time";
import { isStale } from "./Freshness";

/** Says out loud that the data on screen is old, and why it may be (offline), with a refresh. */
export function StaleBanner(props: {
  state: SyncState | undefined;
  now: number;
  online: boolean;
  what: string;
  onRefresh?: () => void;
}) {
  return (
    <Show when={isStale(props.state, props.now) && props.state?.fetchedAt}>
      {(fetchedAt) => (
        <div class="stale-banner" role="status">
          <span>
            These {props.what} were last fetched {formatRelative(fetchedAt(), props.now)} and may be out of
            date.
            {props.online ? "" : " You are offline: they will refresh when the connection is back."}
          </span>
          <Show when={props.online && props.onRefresh}>
            {(refresh) => (
              <button type="button" class="secondary" onClick={() => refresh()()}>
                Refresh now
              </button>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}
