import { asStorageError } from "../core/errors";
import { writeForAccount } from "../db/accounts";
import { db } from "../db/db";
import { dropAbandonedCopies, promoteCopy } from "../db/sendStore/lists";
import { sendTables } from "../db/sends";
import type { SyncState } from "../db/types";
import { assertListHeld } from "./listRemoval";

/**
 * "Sync everything again" pages through the whole list into a copy of its own (numbered by
 * SyncState.resyncCopy) and keeps what the user holds until that copy is complete: the screens
 * read the list shown, old rows included, until the last page is stored; then the copy replaces it
 * in one transaction, so the rows the server no longer has are gone and nothing else moved. A
 * resync that stops resumes as a resync (its copy is in the state).
 */
export function showCopy(base: Pick<SyncState, "dataset" | "accountId">, copy: number): Promise<void> {
  return guarded(base, () => promoteCopy(base.dataset, copy));
}

/**
 * Drops the copies of a list that no run will finish: a resync that was stopped and then replaced
 * by another kind of run. `keep` is the copy the starting run continues, if any.
 */
export function dropStaleCopies(
  base: Pick<SyncState, "dataset" | "accountId">,
  keep?: number,
): Promise<void> {
  return guarded(base, () => dropAbandonedCopies(base.dataset, keep));
}

function guarded<T>(base: Pick<SyncState, "dataset" | "accountId">, write: () => Promise<T>): Promise<T> {
  const database = db();
  return writeForAccount(base.accountId, [...sendTables(), database.syncState], async () => {
    await assertListHeld(base.dataset);
    return write();
  }).catch((error: unknown) => {
    throw asStorageError(error);
  });
}
