import type { ChunkKey } from "../sendStore/chunk";
import { pause, SLICE_MS } from "../sendStore/pause";
import { chunkKeysIn, type TimeWindow } from "../sendStore/read";
import { cachedTexts } from "../sendStore/textCache";
import type { CachedList } from "./lists";

/** One chunk of one cached list with its search text. */
export interface ScannedChunk {
  list: CachedList;
  key: ChunkKey;
  text: string;
}

/** The chunk keys of these lists (in the window), list by list: keys only, no rows read. */
export async function keysOf(
  lists: readonly CachedList[],
  window: TimeWindow = {},
): Promise<{ list: CachedList; keys: ChunkKey[] }[]> {
  return Promise.all(lists.map(async (list) => ({ list, keys: await chunkKeysIn(list.list, window) })));
}

/**
 * Every chunk of these lists with its text, one at a time. Between chunks it pauses once the
 * caller's work and its own have held the thread for SLICE_MS, so a scan of a million sends on
 * the page never makes a long task; checks `signal` at each pause.
 */
export async function* scanChunks(
  lists: readonly { list: CachedList; keys: ChunkKey[] }[],
  signal?: AbortSignal,
): AsyncGenerator<ScannedChunk> {
  let sliceStart = performance.now();
  for (const { list, keys } of lists) {
    for await (const batch of cachedTexts(keys)) {
      for (const [key, text] of batch) {
        yield { list, key, text };
        if (performance.now() - sliceStart > SLICE_MS) {
          signal?.throwIfAborted();
          await pause();
          sliceStart = performance.now();
        }
      }
    }
  }
  signal?.throwIfAborted();
}
