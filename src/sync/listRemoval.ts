import { asStorageError } from "../core/errors";
import { writeForAccount } from "../db/accounts";
import { parseSendsDatasetId } from "../db/datasets";
import { db } from "../db/db";
import { dropDataset } from "../db/sendStore/lists";
import { sendTables } from "../db/sends";
import type { SyncState } from "../db/types";

/** The send list was removed from this device while a sync of it was still running. */
export class ListRemovedError extends Error {
  override name = "ListRemovedError";
  constructor(readonly dataset: string) {
    super("This send list was removed from this device; its sync stopped and wrote nothing more.");
  }
}

/**
 * "Remove from this device": drops one send list's cached sends and its sync state in one
 * transaction; the account, its campaigns and every other list stay. It does not wait for a sync
 * of the list running elsewhere (that could take an hour, and the user is out of space now): as
 * erase does with the account, the removal wins, because every write of a run first checks that
 * its state still exists (`assertListHeld`), so the running sync's next write fails and nothing
 * reappears. The campaign still lists the send list, so it can be synced again later.
 */
export async function removeSendList(dataset: string): Promise<void> {
  parseSendsDatasetId(dataset);
  const database = db();
  try {
    await database.transaction("rw", [...sendTables(), database.syncState], async () => {
      // Key ranges of its chunks: deleted without reading a row.
      await dropDataset(dataset);
      await database.syncState.delete(dataset);
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Inside a run's write transaction: the list must still be on the device (see removeSendList). */
export async function assertListHeld(dataset: string): Promise<void> {
  if ((await db().syncState.get(dataset)) === undefined) throw new ListRemovedError(dataset);
}

/**
 * Replaces a running list's state with `change(current)`, only while it is still on the device:
 * unlike updateSyncState, never creates a state the user just removed.
 */
export function updateHeldListState(
  base: Pick<SyncState, "dataset" | "accountId">,
  change: (current: SyncState) => SyncState,
): Promise<void> {
  const table = db().syncState;
  return writeForAccount(base.accountId, [table], async () => {
    const current = await table.get(base.dataset);
    if (current === undefined) throw new ListRemovedError(base.dataset);
    await table.put(change(current));
  });
}
