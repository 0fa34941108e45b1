import { db } from "../db";
import type { ChunkKey, SendText } from "./chunk";
import { ChunkCache } from "./chunkCache";
import { gramsOf } from "./gramStore";
import { searchesDone } from "./searchGate";

/**
 * The search text of chunks, kept in memory once read (chunkCache.ts): a search over a million
 * sends then reads nothing from disk, and the Sends screen warms it when a list opens. A chunk
 * rewritten by a sync almost always has a new key (its size or edges change). Texts no key names
 * any more are evicted oldest first past 96 M characters.
 */
const cache = new ChunkCache<string>({ limit: 96 * 1024 * 1024, size: (text) => text.length });

const readTexts = async (keys: ChunkKey[]) =>
  ((await db().sendText.bulkGet(keys)) as (SendText | undefined)[]).map((text) => text?.text);

/** Chunks read from disk per round trip when not cached, once past the first few. */
const BATCH = 64;
/** The first batch: a search's first page often needs one or two chunks, not 64 (2.5 MB) read. */
const FIRST_BATCH = 2;

/**
 * The texts of `keys`, in their order, a batch at a time: cached ones at once, others read. The
 * batches grow from FIRST_BATCH to BATCH, so a scan that stops early has not waited for more.
 */
export async function* cachedTexts(keys: readonly ChunkKey[]): AsyncGenerator<[ChunkKey, string][]> {
  for (
    let start = 0, size = FIRST_BATCH;
    start < keys.length;
    start += size, size = Math.min(BATCH, size * 2)
  ) {
    const slice = keys.slice(start, start + size);
    const texts = await textsOf(slice);
    const batch: [ChunkKey, string][] = [];
    slice.forEach((key, i) => {
      const text = texts[i];
      if (text !== undefined) batch.push([key, text]);
    });
    yield batch;
  }
}

/** The texts of `keys`, in their order (undefined for a chunk gone): cached ones at once, the others in one read. */
export function textsOf(keys: readonly ChunkKey[]): Promise<(string | undefined)[]> {
  return cache.getMany(keys, readTexts);
}

/** Chunks the warm-up reads per round trip: a search typed meanwhile waits for at most one batch. */
const WARM_BATCH = 8;

/**
 * Reads a list's four-character maps (gramStore.ts), then its texts, into memory ahead of a search
 * (the Sends screen calls it on open). Maps first: they are a fifth of the text's size and all a
 * search for one person needs before it reads the few chunks they leave. The texts come in small
 * batches, each once no search runs (searchGate.ts): the warm-up is for the searches, not before them.
 */
export async function warmTexts(keys: readonly ChunkKey[]): Promise<void> {
  await searchesDone();
  await gramsOf(keys);
  for (let start = 0; start < keys.length; start += WARM_BATCH) {
    await searchesDone();
    await cache.readUnheld(keys.slice(start, start + WARM_BATCH), readTexts);
  }
}

/** For tests: forget everything. */
export function clearTextCache(): void {
  cache.clear();
}
