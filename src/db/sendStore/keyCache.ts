import Dexie from "dexie";
import { db } from "../db";
import type { ChunkKey } from "./chunk";

/**
 * Every chunk key of a list, kept in memory: reading a million sends' keys (a thousand) from
 * IndexedDB took 10–100 ms a search, queued behind whatever else the screen was reading. The list's
 * row carries a stamp that every write of its chunks renews in the write's own transaction
 * (renewStamp), so a write from any context (the service worker's sync, another tab) is seen:
 * reading the stamp is one small get, and a live query that reads it runs again after each write.
 */
const cache = new Map<string, { stamp: string; keys: ChunkKey[] }>();

// The database name too: tests (and a second profile) open other databases with the same list numbers.
const id = (list: number) => `${db().name}\u0000${list}`;

/** A stamp no earlier write of any list used. */
export const newStamp = (): string => crypto.randomUUID();

/** Marks the list's chunks as changed. Call in the transaction that writes them (over sendLists). */
export async function renewStamp(list: number): Promise<void> {
  await db().sendLists.update(list, { stamp: newStamp() });
}

/** Every chunk key of `list`, in key (time) order. */
export async function listKeys(list: number): Promise<ChunkKey[]> {
  // The stamp first: keys read after it are at least as new, so a write landing between the two
  // reads only makes the next call read the keys again (its stamp differs), never serve old ones.
  return keysAtStamp(list, (await db().sendLists.get(list))?.stamp);
}

/**
 * The same, for a caller that read the list's row (and so its stamp) itself, before this call:
 * People reads every list of an account in one query, then only the keys of lists that changed.
 */
export async function keysAtStamp(list: number, stamp: string | undefined): Promise<ChunkKey[]> {
  const name = id(list);
  const hit = cache.get(name);
  if (stamp !== undefined && hit?.stamp === stamp) return hit.keys;
  const keys = (await db()
    .sendChunks.where(":id")
    .between([list], [list, Dexie.maxKey], true, true)
    .primaryKeys()) as ChunkKey[];
  if (stamp === undefined) cache.delete(name);
  else cache.set(name, { stamp, keys });
  return keys;
}

/**
 * The keys held for `list` if they are those of `stamp` (read from the list's row just before),
 * else undefined: no read. A page of the Sends screen then costs one round trip less when the
 * Campaigns screen has counted the list.
 */
export function heldKeysAt(list: number, stamp: string | undefined): ChunkKey[] | undefined {
  const hit = cache.get(id(list));
  return stamp !== undefined && hit?.stamp === stamp ? hit.keys : undefined;
}

/** For tests: forget everything. */
export function clearKeyCache(): void {
  cache.clear();
}
