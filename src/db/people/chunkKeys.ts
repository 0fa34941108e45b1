import { db } from "../db";
import type { ChunkKey } from "../sendStore/chunk";
import { type CachedList, cachedListsOf } from "./lists";

/**
 * The send lists of an account with the keys of their chunks, through two IndexedDB queries run
 * together (the lists; every chunk key on the device: keys only, no row read, a few thousand at a
 * million sends) instead of one query a list: fifty queries, or even two in a row, cost a lookup
 * more than answering it from memory. Read inside a live query, the key read makes it run again
 * whenever a chunk is added, rewritten or dropped.
 */
export async function listsWithKeys(accountId: string): Promise<{ lists: CachedList[]; keys: ChunkKey[] }> {
  const [lists, all] = await Promise.all([
    cachedListsOf(accountId),
    db().sendChunks.toCollection().primaryKeys() as Promise<ChunkKey[]>,
  ]);
  const numbers = new Set(lists.map((list) => list.list));
  return { lists, keys: all.filter((key) => numbers.has(key[0])) };
}
