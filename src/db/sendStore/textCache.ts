import { db } from "../db";
import type { ChunkKey, SendText } from "./chunk";
import { gramsOf } from "./gramStore";
import { searchesDone } from "./searchGate";

/**
 * The search text of chunks, kept in memory once read: a search over a million sends then reads
 * nothing from disk, and the Sends screen warms it when a list opens. A chunk rewritten by a sync
 * almost always has a new key (its size or edges change); the exception is a send fetched again
 * with the same time and contact but another email or name, whose old text stays cached until the
 * page reloads. Entries no key names any more are evicted oldest first past CACHE_CHARS characters.
 */
const CACHE_CHARS = 96 * 1024 * 1024;
const cache = new Map<string, string>();
let cachedChars = 0;

// The database name too: tests (and a second profile) open other databases with the same list numbers.
const id = (key: ChunkKey) => `${db().name}\u0000${key.join("\u0000")}`;

function remember(key: ChunkKey, text: string): void {
  const name = id(key);
  if (cache.has(name)) return;
  cache.set(name, text);
  cachedChars += text.length;
  for (const [oldest, value] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldest);
    cachedChars -= value.length;
  }
}

/** Reads under way, by chunk: a second scan waits for them instead of reading again. */
const reading = new Map<string, Promise<void>>();

function readInto(keys: ChunkKey[]): Promise<void> {
  const names = keys.map(id);
  const done = (async () => {
    try {
      const read = (await db().sendText.bulkGet(keys)) as (SendText | undefined)[];
      read.forEach((text, i) => {
        if (text) remember(keys[i]!, text.text);
      });
    } finally {
      for (const name of names) reading.delete(name);
    }
  })();
  for (const name of names) reading.set(name, done);
  return done;
}

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
export async function textsOf(keys: readonly ChunkKey[]): Promise<(string | undefined)[]> {
  const missing = keys.filter((key) => !cache.has(id(key)));
  // A text another scan is reading already (a search typed while the screen warms the list) is
  // waited for, not read twice: IndexedDB would serve the two reads one after the other.
  const pending = new Set(missing.map((key) => reading.get(id(key))).filter((p) => p !== undefined));
  const unread = missing.filter((key) => !reading.has(id(key)));
  if (unread.length > 0) pending.add(readInto(unread));
  await Promise.all(pending);
  return keys.map((key) => cache.get(id(key)));
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
    const unread = keys
      .slice(start, start + WARM_BATCH)
      .filter((key) => !cache.has(id(key)) && !reading.has(id(key)));
    if (unread.length > 0) await readInto(unread);
  }
}

/** For tests: forget everything. */
export function clearTextCache(): void {
  reading.clear();
  cache.clear();
  cachedChars = 0;
}
