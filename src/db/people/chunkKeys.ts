import type { ChunkKey } from "../sendStore/chunk";
import { keysAtStamp } from "../sendStore/keyCache";
import { type CachedList, shownListRows, shownLists } from "./lists";

/** A chunk's key as one string, for the maps of one account's index (one database). */
export const chunkId = (key: ChunkKey) => key.join("\u0000");

/**
 * The send lists of an account with the keys of their chunks: one IndexedDB query for the lists'
 * rows, then the keys of each list from memory while its stamp holds (sendStore/keyCache.ts), so
 * only a list written since is read again. Read inside a live query, the lists' read makes it run
 * again whenever a write renews a stamp, i.e. whenever a chunk is added, rewritten or dropped.
 */
export async function listsWithKeys(accountId: string): Promise<{ lists: CachedList[]; keys: ChunkKey[] }> {
  const rows = await shownListRows(accountId);
  const keys = await Promise.all(rows.map((row) => keysAtStamp(row.id, row.stamp)));
  return { lists: shownLists(rows), keys: keys.flat() };
}
