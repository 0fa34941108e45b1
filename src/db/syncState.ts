import { writeForAccount } from "./accounts";
import { db } from "./db";
import type { SyncState } from "./types";

export function getSyncState(dataset: string): Promise<SyncState | undefined> {
  return db().syncState.get(dataset);
}

/** Changes some fields of a dataset's state, creating it from `base` when it does not exist yet. */
export function patchSyncState(
  base: Pick<SyncState, "dataset" | "accountId" | "kind">,
  patch: Partial<SyncState>,
): Promise<SyncState> {
  return writeForAccount(base.accountId, [db().syncState], async () => {
    const current: SyncState = (await db().syncState.get(base.dataset)) ?? {
      ...base,
      status: "idle",
      pages: 0,
      rows: 0,
    };
    const next: SyncState = { ...current, ...patch };
    await db().syncState.put(next);
    return next;
  });
}
