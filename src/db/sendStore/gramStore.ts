import { db } from "../db";
import type { ChunkKey } from "./chunk";
import { ChunkCache } from "./chunkCache";
import type { SendGrams } from "./grams";

/**
 * The maps of runs of four characters (grams.ts) as stored beside the chunks (schema v4), read
 * and held here: a search for one person reads 8 MB of maps at a million sends and then only the
 * few chunks they leave, instead of 40 MB of text (1M bench: 139 ms for the first search after
 * opening, when the maps were built in memory from the text).
 */

/** The maps read so far: 8 KB each, 8,192 of them at most (64 MB, eight million sends). */
const cache = new ChunkCache<Uint32Array>({ limit: 8_192, size: () => 1 });
/**
 * The same maps by key array, for keys seen before: keyCache.ts hands out new arrays after every
 * write of the list, and a thousand maps are then looked up without building a thousand names.
 */
let byKey = new WeakMap<ChunkKey, Uint32Array>();

const readMaps = async (keys: ChunkKey[]) =>
  ((await db().sendGrams.bulkGet(keys)) as (SendGrams | undefined)[]).map((grams) => grams?.bits);

/**
 * The maps of `keys`, in their order: held ones at once, the others read in one round trip. A
 * chunk without one (none should lack it: the schema's v4 upgrade mapped every chunk) gets
 * undefined, which rules nothing out.
 */
export async function gramsOf(keys: readonly ChunkKey[]): Promise<(Uint32Array | undefined)[]> {
  const known = keys.map((key) => byKey.get(key));
  if (known.every((bits) => bits !== undefined)) return known;
  const maps = await cache.getMany(keys, readMaps);
  maps.forEach((bits, i) => {
    if (bits) byKey.set(keys[i]!, bits);
  });
  return maps;
}

/** For tests: forget the maps read. */
export function clearGramCache(): void {
  cache.clear();
  byKey = new WeakMap();
}
