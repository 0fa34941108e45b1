import Dexie from "dexie";
import { db } from "../db";
import { type ChunkKey, decodeChunk, type SendChunk, type SendText, type TimedSend } from "./chunk";
import { listKeys } from "./keyCache";

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

/** Whether a send time lies in the window (both bounds inclusive). */
export const inWindow = (ms: number, window: TimeWindow) =>
  (window.fromMs === undefined || ms >= window.fromMs) && (window.toMs === undefined || ms <= window.toMs);

/**
 * Keys of the chunks of `list` that hold rows of the window, in time order: keys only, from memory
 * while the list is unchanged (keyCache.ts). A new array: the caller may reorder it.
 */
export async function chunkKeysIn(list: number, window: TimeWindow = {}): Promise<ChunkKey[]> {
  return keysInWindow(await listKeys(list), window);
}

/** Those of a list's keys (in time order) whose chunks hold rows of the window, as a new array. */
export function keysInWindow(keys: readonly ChunkKey[], window: TimeWindow): ChunkKey[] {
  const { fromMs, toMs } = window;
  if (fromMs === undefined && toMs === undefined) return [...keys];
  return keys.filter(
    (key) => (fromMs === undefined || key[3] >= fromMs) && (toMs === undefined || key[1] <= toMs),
  );
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
