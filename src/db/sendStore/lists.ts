import Dexie from "dexie";
import { parseSendsDatasetId } from "../datasets";
import { db } from "../db";
import { newStamp } from "./keyCache";

/**
 * Each send list has a small number, its chunks' first key part, instead of its 76-character
 * dataset id in every chunk. `copy` 0 is the list as shown; a "Sync everything again" builds its
 * copy under the run's copy number (SyncState.resyncCopy) and swaps it in when it is complete.
 */
export interface SendList {
  id?: number;
  dataset: string;
  accountId: string;
  copy: number;
  /** Renewed by every write of the list's chunks (keyCache.ts); absent before the first. */
  stamp?: string;
}

export const SHOWN_COPY = 0;

/** The row findListRow last read for each list, by database: a guess to start a read from. */
const lastRows = new Map<string, SendList>();
const rowName = (dataset: string, copy: number) => `${db().name}\u0000${copy}\u0000${dataset}`;

/** The list's row (its number and stamp), or undefined when nothing of it was ever stored. */
export async function findListRow(dataset: string, copy = SHOWN_COPY): Promise<SendList | undefined> {
  const row = await db().sendLists.where("[dataset+copy]").equals([dataset, copy]).first();
  if (row) lastRows.set(rowName(dataset, copy), row);
  else lastRows.delete(rowName(dataset, copy));
  return row;
}

/**
 * The list's row as findListRow last read it on this page, which a write may have changed since:
 * a read started from it must be checked against the row read again (its stamp, keyCache.ts).
 */
export function lastListRow(dataset: string, copy = SHOWN_COPY): SendList | undefined {
  return lastRows.get(rowName(dataset, copy));
}

/** The list's number, or undefined when nothing of it was ever stored. */
export async function findList(dataset: string, copy = SHOWN_COPY): Promise<number | undefined> {
  return (await findListRow(dataset, copy))?.id;
}

/** The list's number, created on its first write. Call inside a transaction over sendLists. */
export async function listFor(dataset: string, copy = SHOWN_COPY): Promise<number> {
  const found = await findList(dataset, copy);
  if (found !== undefined) return found;
  const { accountId } = parseSendsDatasetId(dataset);
  return (await db().sendLists.add({ dataset, accountId, copy, stamp: newStamp() })) as number;
}

/** Every key of one list's chunks lies between these bounds. */
export function listBounds(list: number): [unknown[], unknown[]] {
  // A one-part array sorts before its extensions; an array (maxKey) after any number.
  return [[list], [list, Dexie.maxKey]];
}

/** Drops one list's chunks and its number. Call inside a transaction over the send tables (sendTables()). */
export async function dropList(list: number): Promise<void> {
  const database = db();
  const [lower, upper] = listBounds(list);
  await database.sendChunks.where(":id").between(lower, upper, true, true).delete();
  await database.sendText.where(":id").between(lower, upper, true, true).delete();
  await database.sendGrams.where(":id").between(lower, upper, true, true).delete();
  await database.sendLists.delete(list);
}

/** Drops every copy of a dataset (removing a send list from the device). */
export async function dropDataset(dataset: string): Promise<void> {
  const lists = await db().sendLists.where("dataset").equals(dataset).toArray();
  for (const list of lists) if (list.id !== undefined) await dropList(list.id);
}

/** Drops every send list of an account (erasing it from the device). */
export async function dropAccountLists(accountId: string): Promise<void> {
  const lists = await db().sendLists.where("accountId").equals(accountId).toArray();
  for (const list of lists) if (list.id !== undefined) await dropList(list.id);
}

/**
 * A finished "Sync everything again": its copy becomes the list shown and the old rows go, in the
 * caller's transaction, so a reader sees either the old list or the new one, never a mix.
 */
export async function promoteCopy(dataset: string, copy: number): Promise<void> {
  const building = await findList(dataset, copy);
  if (building === undefined) return;
  const shown = await findList(dataset, SHOWN_COPY);
  if (shown !== undefined) await dropList(shown);
  await db().sendLists.update(building, { copy: SHOWN_COPY });
}

/** Drops copies no run will continue: any but the one shown and the one `keep` names. */
export async function dropAbandonedCopies(dataset: string, keep?: number): Promise<void> {
  const lists = await db().sendLists.where("dataset").equals(dataset).toArray();
  for (const list of lists) {
    if (list.id !== undefined && list.copy !== SHOWN_COPY && list.copy !== keep) await dropList(list.id);
  }
}
