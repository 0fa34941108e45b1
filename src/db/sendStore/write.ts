import Dexie from "dexie";
import { db } from "../db";
import {
  type ChunkKey,
  decodeChunk,
  encodeChunk,
  headOfKey,
  MAX_CHUNK_ROWS,
  type SendChunk,
  type SendText,
  sortUnique,
  type TimedSend,
} from "./chunk";
import { gramsOfChunkText } from "./grams";
import { renewStamp } from "./keyCache";

/**
 * Stores rows into one list, in the caller's transaction (over sendTables()): chunks
 * the rows overlap in time are read, merged with them (a row already held is replaced, not
 * repeated: the incremental overlap) and written again; a small neighbour is folded in while the
 * result fits one chunk, so the many small writes of incremental syncs do not leave tiny chunks.
 * Pages arrive in time order from Constant Contact, so a page overlaps at most its neighbour's
 * edge and a write touches one or two chunks. Returns how many rows the list gained.
 */
export async function storeSends(list: number, rows: readonly TimedSend[]): Promise<number> {
  if (rows.length === 0) return 0;
  const incoming = sortUnique(rows);
  const minMs = incoming[0]!.ms;
  const maxMs = incoming[incoming.length - 1]!.ms;
  const touched = await overlapping(list, minMs, maxMs);
  await foldInNeighbours(list, { minMs, maxMs }, touched, incoming.length);
  const held = await readChunks(touched);
  const merged = sortUnique([...held, ...incoming]);
  const database = db();
  await database.sendChunks.bulkDelete(touched);
  await database.sendText.bulkDelete(touched);
  await database.sendGrams.bulkDelete(touched);
  const encoded = split(merged).map((part) => encodeChunk(list, part));
  await database.sendChunks.bulkPut(encoded.map((e) => e.chunk));
  await database.sendText.bulkPut(encoded.map((e) => e.text));
  await database.sendGrams.bulkPut(encoded.map((e) => gramsOfChunkText(e.text)));
  await renewStamp(list);
  return merged.length - held.length;
}

/** Keys of the chunks whose time span meets [minMs, maxMs], in key order. */
async function overlapping(list: number, minMs: number, maxMs: number): Promise<ChunkKey[]> {
  const chunks = db().sendChunks;
  const inside = (await chunks
    .where(":id")
    .between([list, minMs], [list, maxMs, Dexie.maxKey], true, true)
    .primaryKeys()) as ChunkKey[];
  // Before minMs, only chunks reaching up to it overlap; neighbours never overlap but at an edge.
  const before = (await chunks
    .where(":id")
    .between([list], [list, minMs], true, false)
    .reverse()
    .limit(2)
    .primaryKeys()) as ChunkKey[];
  const reaching = before.filter((key) => key[3] >= minMs).reverse();
  return [...reaching, ...inside];
}

/** Adds the neighbour before and after `touched` to it while everything still fits one chunk. */
async function foldInNeighbours(
  list: number,
  span: { minMs: number; maxMs: number },
  touched: ChunkKey[],
  incoming: number,
): Promise<void> {
  let total = incoming + touched.reduce((n, key) => n + key[4], 0);
  if (total >= MAX_CHUNK_ROWS) return;
  const chunks = () => db().sendChunks.where(":id");
  const below = touched[0] ?? [list, span.minMs];
  const above = touched[touched.length - 1] ?? [list, span.maxMs, Dexie.maxKey];
  const [previous] = (await chunks()
    .between([list], below, true, false)
    .reverse()
    .limit(1)
    .primaryKeys()) as ChunkKey[];
  if (previous && total + previous[4] <= MAX_CHUNK_ROWS) {
    touched.unshift(previous);
    total += previous[4];
  }
  const [next] = (await chunks()
    .between(above, [list, Dexie.maxKey], false, true)
    .limit(1)
    .primaryKeys()) as ChunkKey[];
  if (next && total + next[4] <= MAX_CHUNK_ROWS) touched.push(next);
}

async function readChunks(keys: ChunkKey[]): Promise<TimedSend[]> {
  if (keys.length === 0) return [];
  const database = db();
  const [chunks, texts] = await Promise.all([
    database.sendChunks.bulkGet(keys),
    database.sendText.bulkGet(keys),
  ]);
  return chunks.flatMap((chunk, i) => {
    const text = texts[i];
    if (!chunk || !text)
      throw new Error(`Stored send chunk ${JSON.stringify(headOfKey(keys[i]!))} is incomplete`);
    return decodeChunk(chunk as SendChunk, text as SendText);
  });
}

/** Even parts of at most MAX_CHUNK_ROWS rows. */
function split(rows: TimedSend[]): TimedSend[][] {
  const parts = Math.ceil(rows.length / MAX_CHUNK_ROWS);
  const size = Math.ceil(rows.length / parts);
  const out: TimedSend[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}
