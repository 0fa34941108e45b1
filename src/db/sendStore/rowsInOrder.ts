import Dexie from "dexie";
import { db } from "../db";
import {
  type ChunkKey,
  compareSends,
  decodeRow,
  linesOf,
  type SendChunk,
  type SendText,
  type TimedSend,
} from "./chunk";
import { unpackId } from "./contactIds";
import { heldKeysAt } from "./keyCache";
import { chunkKeysIn, inWindow, keysInWindow, type RowPosition, type TimeWindow } from "./read";

/**
 * Keys of the window's chunks holding rows strictly past `after`, in the read's direction; at most
 * `max` of them when given and not `held` in memory (a page needs two or three, not a million
 * sends' worth of keys read).
 */
async function keysPast(
  list: number,
  window: TimeWindow,
  ascending: boolean,
  after?: RowPosition,
  max?: number,
  held?: readonly ChunkKey[],
) {
  if (max === undefined || held) {
    let keys = held ? keysInWindow(held, window) : await chunkKeysIn(list, window);
    if (after) keys = keys.filter((key) => (ascending ? key[3] >= after.ms : key[1] <= after.ms));
    if (!ascending) keys.reverse();
    return keys;
  }
  const chunks = () => db().sendChunks.where(":id");
  if (ascending) {
    const from = Math.max(after?.ms ?? Number.NEGATIVE_INFINITY, window.fromMs ?? Number.NEGATIVE_INFINITY);
    const upper = window.toMs === undefined ? [list, Dexie.maxKey] : [list, window.toMs, Dexie.maxKey];
    const lower = Number.isFinite(from) ? [list, from] : [list];
    const [before, inside] = await Promise.all([
      // Chunks never overlap but at an edge: the two before `from` are the only ones reaching into it.
      Number.isFinite(from)
        ? (chunks().between([list], lower, true, false).reverse().limit(2).primaryKeys() as Promise<
            ChunkKey[]
          >)
        : Promise.resolve([] as ChunkKey[]),
      chunks().between(lower, upper, true, true).limit(max).primaryKeys() as Promise<ChunkKey[]>,
    ]);
    return [...before.filter((key) => key[3] >= from).reverse(), ...inside].slice(0, max);
  }
  const to = Math.min(after?.ms ?? Number.POSITIVE_INFINITY, window.toMs ?? Number.POSITIVE_INFINITY);
  const upper = Number.isFinite(to) ? [list, to, Dexie.maxKey] : [list, Dexie.maxKey];
  const keys = (await chunks()
    .between([list], upper, true, true)
    .reverse()
    .limit(max)
    .primaryKeys()) as ChunkKey[];
  return keys.filter((key) => window.fromMs === undefined || key[3] >= window.fromMs);
}

/** The next `max` keys strictly past `last` in the read's direction, within the window. */
async function keysAfterKey(
  list: number,
  window: TimeWindow,
  ascending: boolean,
  last: ChunkKey,
  max: number,
) {
  const chunks = db().sendChunks.where(":id");
  if (ascending) {
    const upper = window.toMs === undefined ? [list, Dexie.maxKey] : [list, window.toMs, Dexie.maxKey];
    return (await chunks.between(last, upper, false, true).limit(max).primaryKeys()) as ChunkKey[];
  }
  const keys = (await chunks
    .between([list], last, true, false)
    .reverse()
    .limit(max)
    .primaryKeys()) as ChunkKey[];
  return keys.filter((key) => window.fromMs === undefined || key[3] >= window.fromMs);
}

/**
 * The rows of a window in time order (`desc`: newest first), a chunk's worth at a time, starting
 * strictly past `after` when given, at most `limit` rows. Reads `batch` chunks per IndexedDB round
 * trip and decodes only the rows it keeps (a page of 100 decodes 100, not the chunk's 1,000). A
 * chunk a sync rewrote since its key was read (it has a new key) is found again from the last row
 * given, so a long read (an export) misses no row and repeats none.
 */
export async function* rowsInOrder(
  list: number,
  options: {
    order: "asc" | "desc";
    window?: TimeWindow;
    after?: RowPosition;
    batch?: number;
    limit?: number;
    /** Only rows whose search line contains this (already folded, see fold.ts). */
    contains?: string;
    /** The list's stamp as its row was just read: the keys held for it are used, not read. */
    stamp?: string;
  },
): AsyncGenerator<TimedSend[]> {
  const window = options.window ?? {};
  const ascending = options.order === "asc";
  const batch = options.batch ?? 4;
  let after = options.after;
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  // A read that wants a few rows asks for a few keys at a time; an export takes them all at once.
  const max = options.limit === undefined ? undefined : batch + 2;
  let keys = await keysPast(list, window, ascending, after, max, heldKeysAt(list, options.stamp));
  let lastKey: ChunkKey | undefined;
  let lastMissing: string | undefined;
  for (;;) {
    if (keys.length === 0 && max !== undefined && lastKey !== undefined && left > 0) {
      keys = await keysAfterKey(list, window, ascending, lastKey, max);
    }
    if (keys.length === 0 || left <= 0) return;
    const slice = keys.splice(0, batch);
    lastKey = slice[slice.length - 1];
    const database = db();
    const [chunks, texts] = await Promise.all([
      database.sendChunks.bulkGet(slice),
      database.sendText.bulkGet(slice),
    ]);
    // A chunk replaced (or incomplete) since its key was read is not there to read.
    const missing = chunks.findIndex((chunk, i) => !chunk || !texts[i]);
    const readable = missing === -1 ? slice.length : missing;
    for (let i = 0; i < readable && left > 0; i++) {
      const chunk = chunks[i] as SendChunk;
      const lines = linesOf(texts[i] as SendText);
      const kept = keptRows(chunk, lines, {
        ascending,
        window,
        after,
        limit: left,
        contains: options.contains,
      });
      const last = kept[kept.length - 1];
      if (last) after = { ms: last.ms, contactId: last.contactId };
      left -= kept.length;
      if (kept.length > 0) yield kept;
    }
    if (missing === -1) continue;
    const gone = JSON.stringify(slice[missing]);
    keys = await keysPast(list, window, ascending, after, max);
    lastKey = undefined;
    // The same chunk missing twice is incomplete, not replaced: skipped, not read forever.
    if (gone === lastMissing) keys = keys.filter((key) => JSON.stringify(key) !== gone);
    lastMissing = gone;
  }
}

function keptRows(
  chunk: SendChunk,
  lines: readonly string[],
  options: { ascending: boolean; window: TimeWindow; after?: RowPosition; limit: number; contains?: string },
): TimedSend[] {
  const kept: TimedSend[] = [];
  const { ascending, window, after } = options;
  for (let n = 0; n < chunk.rows && kept.length < options.limit; n++) {
    const i = ascending ? n : chunk.rows - 1 - n;
    const ms = chunk.firstMs + (chunk.offsets[i] ?? 0);
    if (!inWindow(ms, window)) continue;
    if (options.contains && !(lines[i] ?? "").includes(options.contains)) continue;
    if (after && (ascending ? ms < after.ms : ms > after.ms)) continue;
    if (after && ms === after.ms) {
      const order = compareSends({ ms, contactId: unpackId(chunk.ids, i) }, after);
      if (ascending ? order <= 0 : order >= 0) continue;
    }
    kept.push(decodeRow(chunk, lines, i));
  }
  return kept;
}
