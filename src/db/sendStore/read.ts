import Dexie from "dexie";
import { db } from "../db";
import {
  type ChunkKey,
  compareSends,
  decodeChunk,
  type SendChunk,
  type SendText,
  type TimedSend,
} from "./chunk";

/** Inclusive bounds on send time (epoch ms); absent means open. */
export interface TimeWindow {
  fromMs?: number;
  toMs?: number;
}

/** Where a read continues: strictly past this row in the read's direction. */
export interface RowPosition {
  ms: number;
  contactId: string;
}

const inWindow = (ms: number, window: TimeWindow) =>
  (window.fromMs === undefined || ms >= window.fromMs) && (window.toMs === undefined || ms <= window.toMs);

/**
 * Keys of the chunks of `list` that hold rows of the window, in time order: keys only, which
 * IndexedDB reads without touching a row (a few thousand at 1M sends).
 */
export async function chunkKeysIn(list: number, window: TimeWindow = {}): Promise<ChunkKey[]> {
  const chunks = () => db().sendChunks.where(":id");
  const upper = window.toMs === undefined ? [list, Dexie.maxKey] : [list, window.toMs, Dexie.maxKey];
  if (window.fromMs === undefined)
    return (await chunks().between([list], upper, true, true).primaryKeys()) as ChunkKey[];
  const from = window.fromMs;
  const [inside, before] = await Promise.all([
    chunks().between([list, from], upper, true, true).primaryKeys() as Promise<ChunkKey[]>,
    // Chunks never overlap but at an edge: the two before `from` are the only ones reaching into it.
    chunks().between([list], [list, from], true, false).reverse().limit(2).primaryKeys() as Promise<
      ChunkKey[]
    >,
  ]);
  return [...before.filter((key) => key[3] >= from).reverse(), ...inside];
}

/** The rows of these chunks, chunk by chunk. */
export async function readChunkRows(keys: readonly ChunkKey[]): Promise<TimedSend[][]> {
  if (keys.length === 0) return [];
  const database = db();
  const [chunks, texts] = await Promise.all([
    database.sendChunks.bulkGet([...keys]),
    database.sendText.bulkGet([...keys]),
  ]);
  // A chunk replaced between reading the keys and the rows is skipped, not an error: the live
  // query that asked reads again once the write that replaced it is committed.
  return chunks.map((chunk, i) => {
    const text = texts[i];
    return chunk && text ? decodeChunk(chunk as SendChunk, text as SendText) : [];
  });
}

/** How many rows of `list` the window holds: whole chunks from their keys, edge chunks read. */
export async function countIn(list: number, window: TimeWindow = {}): Promise<number> {
  const keys = await chunkKeysIn(list, window);
  let total = 0;
  const edges: ChunkKey[] = [];
  for (const key of keys) {
    if (inWindow(key[1], window) && inWindow(key[3], window)) total += key[4];
    else edges.push(key);
  }
  for (const rows of await readChunkRows(edges))
    total += rows.filter((row) => inWindow(row.ms, window)).length;
  return total;
}

/** The newest send time held (epoch ms): the last chunk key's end. */
export async function newestMs(list: number): Promise<number | undefined> {
  const last = (await db().sendChunks.where(":id").between([list], [list, Dexie.maxKey]).last()) as
    | SendChunk
    | undefined;
  return last?.lastMs;
}

/** The oldest send time held (epoch ms). */
export async function oldestMs(list: number): Promise<number | undefined> {
  const [first] = (await db()
    .sendChunks.where(":id")
    .between([list], [list, Dexie.maxKey])
    .limit(1)
    .primaryKeys()) as ChunkKey[];
  return first?.[1];
}

/** Keys of the window's chunks holding rows strictly past `after`, in the read's direction. */
async function keysPast(list: number, window: TimeWindow, ascending: boolean, after?: RowPosition) {
  let keys = await chunkKeysIn(list, window);
  if (after) keys = keys.filter((key) => (ascending ? key[3] >= after.ms : key[1] <= after.ms));
  if (!ascending) keys.reverse();
  return keys;
}

/**
 * The rows of a window in time order (`desc`: newest first), a chunk's worth at a time, starting
 * strictly past `after` when given. Reads `batch` chunks per IndexedDB round trip. A chunk a sync
 * rewrote since its key was read (it has a new key) is found again from the last row given, so a
 * long read (an export) misses no row and repeats none.
 */
export async function* rowsInOrder(
  list: number,
  options: { order: "asc" | "desc"; window?: TimeWindow; after?: RowPosition; batch?: number },
): AsyncGenerator<TimedSend[]> {
  const window = options.window ?? {};
  const ascending = options.order === "asc";
  const batch = options.batch ?? 4;
  let after = options.after;
  let keys = await keysPast(list, window, ascending, after);
  let lastMissing: string | undefined;
  while (keys.length > 0) {
    const slice = keys.splice(0, batch);
    const read = await readChunkRows(slice);
    // A chunk always holds a row: none means it was replaced (or is incomplete) since.
    const missing = read.findIndex((rows) => rows.length === 0);
    for (const rows of missing === -1 ? read : read.slice(0, missing)) {
      if (!ascending) rows.reverse();
      const kept = rows.filter((row) => {
        if (!inWindow(row.ms, window)) return false;
        if (!after) return true;
        const order = compareSends(row, after);
        return ascending ? order > 0 : order < 0;
      });
      const last = kept[kept.length - 1];
      if (last) after = { ms: last.ms, contactId: last.contactId };
      if (kept.length > 0) yield kept;
    }
    if (missing === -1) continue;
    const gone = JSON.stringify(slice[missing]);
    keys = await keysPast(list, window, ascending, after);
    // The same chunk missing twice is incomplete, not replaced: skipped as before, not read forever.
    if (gone === lastMissing) keys = keys.filter((key) => JSON.stringify(key) !== gone);
    lastMissing = gone;
  }
}
