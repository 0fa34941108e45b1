import { writeForAccount } from "../db/accounts";
import { db } from "../db/db";
import { sendKey } from "../db/sends";
import type { Send, SyncState } from "../db/types";
import { assertListHeld } from "./listRemoval";
import { asStorageError } from "./storage";

/**
 * "Sync everything again" pages through the whole list and keeps what the user holds until the new
 * copy is complete: each page overwrites its rows in place (same key, so no duplicate), stamped
 * with the run's copy number; when the last page is stored, the rows that no page of the new copy
 * brought (the server no longer has them, or they moved) are dropped. Until then the old rows stay
 * readable and searchable; a resync that stops resumes as a resync (its copy is in the state).
 */
export function stampCopy(rows: Send[], state: Pick<SyncState, "resyncCopy">): Send[] {
  const copy = state.resyncCopy;
  return copy === undefined ? rows : rows.map((row) => ({ ...row, copy }));
}

/** Rows checked per transaction while dropping the old copy: short transactions, bounded memory. */
export const PRUNE_CHUNK = 2_000;

/** Drops the rows of `dataset` that the finished resync `copy` did not bring. Returns how many. */
export async function dropRowsOfOtherCopies(
  base: Pick<SyncState, "dataset" | "accountId">,
  copy: number,
): Promise<number> {
  const database = db();
  const upper: [string, string, string] = [base.dataset, "\uffff", "\uffff"];
  let after: [string, string, string] = [base.dataset, "", ""];
  let dropped = 0;
  for (;;) {
    const chunk = await guarded(base, async () => {
      const rows = await database.sends
        .where("[dataset+sentAt+contactId]")
        .between(after, upper, false, true)
        .limit(PRUNE_CHUNK)
        .toArray();
      const stale = rows.filter((row) => row.copy !== copy).map(sendKey);
      await database.sends.bulkDelete(stale);
      dropped += stale.length;
      return rows;
    });
    const last = chunk.at(-1);
    if (chunk.length < PRUNE_CHUNK || last === undefined) return dropped;
    after = sendKey(last);
  }
}

function guarded<T>(base: Pick<SyncState, "dataset" | "accountId">, write: () => Promise<T>): Promise<T> {
  const database = db();
  return writeForAccount(base.accountId, [database.sends, database.syncState], async () => {
    await assertListHeld(base.dataset);
    return write();
  }).catch((error: unknown) => {
    throw asStorageError(error);
  });
}
