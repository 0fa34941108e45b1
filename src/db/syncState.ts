import { writeForAccount } from "./accounts";
import { db } from "./db";
import type { SyncRetry, SyncState } from "./types";

/** Which dataset a state is for: what a writer names before any state exists. */
export type SyncStateKey = Pick<SyncState, "dataset" | "accountId" | "kind">;

export function getSyncState(dataset: string): Promise<SyncState | undefined> {
  return db().syncState.get(dataset);
}

/** The state of a dataset nothing has run for yet. */
export function idleSyncState(key: SyncStateKey): SyncState {
  return {
    dataset: key.dataset,
    accountId: key.accountId,
    kind: key.kind,
    status: "idle",
    pages: 0,
    rows: 0,
  };
}

/**
 * Replaces a dataset's state with `change(current)` in one transaction, starting from an idle
 * state when it does not exist yet. The transitions are src/sync/runStates.ts.
 */
export function updateSyncState<Next extends SyncState>(
  key: SyncStateKey,
  change: (current: SyncState) => Next,
): Promise<Next> {
  return writeForAccount(key.accountId, [db().syncState], async () => {
    const next = change((await db().syncState.get(key.dataset)) ?? idleSyncState(key));
    await db().syncState.put(next);
    return next;
  });
}

/**
 * Shows on a running state that one of its requests waits to be tried again. In its own
 * transaction, changing only that field, so it can never undo a page's checkpoint written
 * meanwhile; a state that stopped meanwhile is left alone.
 */
export async function noteRetry(dataset: string, retry: SyncRetry): Promise<void> {
  await db()
    .syncState.where("dataset")
    .equals(dataset)
    .modify((state) => {
      if (state.status === "running") state.retrying = retry;
    });
}
