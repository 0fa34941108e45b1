import { type Accessor, createEffect } from "solid-js";
import { clock } from "../../core/clock";
import type { SyncState } from "../../db";

/** Data older than this is fetched again when its screen opens (online only). */
export const AUTO_REFRESH_AFTER_MS = 5 * 60 * 1000;

/**
 * Refreshes a dataset once when its screen opens, if the browser is online and the cached copy is
 * missing, older than AUTO_REFRESH_AFTER_MS or ended in an error: opening the app shows fresh data without a click,
 * and an offline open shows the cache without an error.
 * @example createAutoRefresh(createLiveQuery(() => dataset, getSyncState), createOnline(), () => void refresh.run());
 */
export function createAutoRefresh(
  state: { value: Accessor<SyncState | undefined>; loading: Accessor<boolean> },
  online: Accessor<boolean>,
  refresh: () => void,
): void {
  let done = false;
  createEffect(() => {
    if (done || state.loading() || !online()) return;
    done = true;
    const current = state.value();
    // A stored "running" is not trusted: a tab closed or navigated mid-run leaves it behind. The
    // engine's per-dataset lock makes a refresh wait for a run that is really going on.
    // A last run that failed (say, before a sign-in was fixed) is retried too.
    const failed = current?.lastError !== undefined;
    const fetchedAt = current?.fetchedAt;
    if (failed || fetchedAt === undefined || clock.now() - fetchedAt > AUTO_REFRESH_AFTER_MS) refresh();
  });
}
