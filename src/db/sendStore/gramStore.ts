import { db } from "../db";
import type { ChunkKey } from "./chunk";
import type { SendGrams } from "./grams";

/**
 * The maps of runs of four characters (grams.ts) as stored beside the chunks (schema v4), read
 * and held here: a search for one person reads 8 MB of maps at a million sends and then only the
 * few chunks they leave, instead of 40 MB of text (1M bench: 139 ms for the first search after
 * opening, when the maps were built in memory from the text).
 */

/** The maps read so far, by chunk: 8 KB each, evicted oldest first past CACHE_MAPS. */
const CACHE_MAPS = 8_192;
const cache = new Map<string, Uint32Array>();
/**
 * The same maps by key array, for keys seen before: keyCache.ts hands out new arrays after every
 * write of the list. As with the texts (textCache.ts), a chunk rewritten under the very same key
 * (same size and edges, a send fetched again with another email or name) keeps its old map in the
 * name-keyed cache until the page reloads.
 */
let byKey = new WeakMap<ChunkKey, Uint32Array>();

// The database name too: tests (and a second profile) open other databases with the same list numbers.
const id = (key: ChunkKey) => `${db().name}\u0000${key.join("\u0000")}`;

function remember(name: string, bits: Uint32Array): void {
  cache.set(name, bits);
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHE_MAPS) break;
    cache.delete(oldest);
  }
}

/**
 * The maps of `keys`, in their order: held ones at once, the others read in one round trip. A
 * chunk without one (none should lack it: the schema's v4 upgrade mapped every chunk) gets
 * undefined, which rules nothing out.
 */
export async function gramsOf(keys: readonly ChunkKey[]): Promise<(Uint32Array | undefined)[]> {
  // The list's keys come from keyCache.ts as the same arrays until it next writes: found by
  // identity, a thousand maps are looked up without building a thousand names.
  const known = keys.map((key) => byKey.get(key));
  if (known.every((bits) => bits !== undefined)) return known;
  const names = keys.map(id);
  const missing = keys.filter((_, i) => !cache.has(names[i]!));
  // Maps another caller is reading already (a search typed while the screen warms the list) are
  // waited for, not read twice: IndexedDB would serve the two reads one after the other.
  const pending = new Set(missing.map((key) => reading.get(id(key))).filter((p) => p !== undefined));
  const unread = missing.filter((key) => !reading.has(id(key)));
  if (unread.length > 0) pending.add(readInto(unread));
  await Promise.all(pending);
  return keys.map((key, i) => {
    const bits = cache.get(names[i]!);
    if (bits) byKey.set(key, bits);
    return bits;
  });
}

/** Reads under way, by chunk. */
const reading = new Map<string, Promise<void>>();

function readInto(keys: ChunkKey[]): Promise<void> {
  const names = keys.map(id);
  const done = (async () => {
    try {
      const read = (await db().sendGrams.bulkGet(keys)) as (SendGrams | undefined)[];
      read.forEach((grams, i) => {
        if (grams) remember(names[i]!, grams.bits);
      });
    } finally {
      for (const name of names) reading.delete(name);
    }
  })();
  for (const name of names) reading.set(name, done);
  return done;
}

/** For tests: forget the maps read. */
export function clearGramCache(): void {
  reading.clear();
  cache.clear();
  byKey = new WeakMap();
}
