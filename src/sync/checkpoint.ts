import { asStorageError } from "../core/errors";
import { writeForAccount } from "../db/accounts";
import { db } from "../db/db";
import { sendTables, storeSendPage } from "../db/sends";
import type { RunningSyncState, Send } from "../db/types";
import { assertListHeld } from "./listRemoval";

/**
 * Writes one page of sends together with the checkpoint that follows it, in ONE transaction:
 * either both land or neither does, so a crash, a closed tab or a full disk at any moment leaves
 * the state pointing at the first page not stored — resuming has no gap and no duplicate.
 * Nothing here awaits the network: the page was fetched before. A list removed from the device
 * meanwhile stops the run here (see listRemoval.ts).
 */
export async function writePageWithCheckpoint(rows: Send[], state: RunningSyncState): Promise<void> {
  const database = db();
  try {
    await writeForAccount(state.accountId, [...sendTables(), database.syncState], async () => {
      await assertListHeld(state.dataset);
      // A resync builds its own copy of the list, shown once complete (resync.ts).
      await storeSendPage(state.dataset, rows, state.resyncCopy);
      await database.syncState.put(state);
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
