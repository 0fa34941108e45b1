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
  const names = keys.map(id);
  const missing = keys.filter((_, i) => !cache.has(names[i]!));
  if (missing.length > 0) {
    const read = (await db().sendGrams.bulkGet([...missing])) as (SendGrams | undefined)[];
    read.forEach((grams, i) => {
      if (grams) remember(id(missing[i]!), grams.bits);
    });
  }
  return names.map((name) => cache.get(name));
}

/** For tests: forget the maps read. */
export function clearGramCache(): void {
  cache.clear();
}
