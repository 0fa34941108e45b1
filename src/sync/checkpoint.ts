import { writeForAccount } from "../db/accounts";
import { db } from "../db/db";
import type { Send, SyncState } from "../db/types";
import { assertListHeld } from "./listRemoval";
import { stampCopy } from "./resync";
import { asStorageError } from "./storage";

/**
 * Writes one page of sends together with the checkpoint that follows it, in ONE transaction:
 * either both land or neither does, so a crash, a closed tab or a full disk at any moment leaves
 * the state pointing at the first page not stored — resuming has no gap and no duplicate.
 * Nothing here awaits the network: the page was fetched before. A list removed from the device
 * meanwhile stops the run here (see listRemoval.ts).
 */
export async function writePageWithCheckpoint(rows: Send[], state: SyncState): Promise<void> {
  const database = db();
  try {
    await writeForAccount(state.accountId, [database.sends, database.syncState], async () => {
      await assertListHeld(state.dataset);
      if (rows.length > 0) await database.sends.bulkPut(stampCopy(rows, state));
      await database.syncState.put(state);
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
