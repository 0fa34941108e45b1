import Dexie from "dexie";
import { db } from "../db";
import type { ChunkKey } from "../sendStore/chunk";
import type { CachedList } from "./lists";

/**
 * The chunk keys of every one of these lists, through one IndexedDB query over the span of their
 * numbers (keys only, no row read; a few thousand at a million sends) instead of one query a list:
 * fifty queries cost a lookup more than answering it from memory. Keys of other lists in the span
 * (another account's) are left out. Read inside a live query, the read makes it run again when any
 * of these lists gains, loses or rewrites a chunk.
 */
export async function chunkKeysOfLists(lists: readonly CachedList[]): Promise<ChunkKey[]> {
  if (lists.length === 0) return [];
  const numbers = new Set(lists.map((list) => list.list));
  const lowest = Math.min(...numbers);
  const highest = Math.max(...numbers);
  const keys = (await db()
    .sendChunks.where(":id")
    .between([lowest], [highest, Dexie.maxKey], true, true)
    .primaryKeys()) as ChunkKey[];
  return keys.filter((key) => numbers.has(key[0]));
}
