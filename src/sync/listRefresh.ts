import { patchSyncState } from "../db/syncState";
import type { SyncState } from "../db/types";
import { runRecorded } from "./stop";

/**
 * Runs the refresh of a whole list (activities, campaigns): its state says running, then complete
 * with the rows listed; a failure is recorded by runRecorded and still thrown.
 */
export function runListRefresh(
  base: Pick<SyncState, "dataset" | "accountId" | "kind">,
  now: () => number,
  signal: AbortSignal | undefined,
  refresh: () => Promise<number>,
): Promise<void> {
  return runRecorded(base, now, signal, async () => {
    await patchSyncState(base, {
      status: "running",
      startedAt: now(),
      stopReason: undefined,
      lastError: undefined,
    });
    const rows = await refresh();
    await patchSyncState(base, {
      status: "complete",
      stopReason: "done",
      finishedAt: now(),
      fetchedAt: now(),
      rows,
    });
  });
}
