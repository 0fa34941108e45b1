import { db } from "../db";
import { type ChunkKey, compareSends, linesOf, type SendChunk, type SendText } from "./chunk";
import { unpackId } from "./contactIds";
import { foldText } from "./fold";
import { findList } from "./lists";
import { chunkKeysIn, countIn, inWindow, type RowPosition, type TimeWindow } from "./read";
import { findMatches } from "./search";

/**
 * A chunk as an export reads it: its columns as stored and the rows it contributes, in the read's
 * order, as indices into them. Nothing is decoded: a writer that builds its text straight from the
 * columns makes no object per row (see src/export/chunkCsv.ts; chunkFields.ts reads the fields).
 */
export interface ChunkRows {
  chunk: SendChunk;
  /** The chunk's search lines (linesOf), which hold the emails. */
  lines: string[];
  rows: number[];
}

export interface ChunkReadOptions {
  order: "asc" | "desc";
  window?: TimeWindow;
  /** Email or name contains (any case, accents ignored); empty or absent: every send. */
  contains?: string;
}

/** Chunks per IndexedDB round trip: one batch is encoded while the next is read. */
const BATCH = 4;

type Batch = [(SendChunk | undefined)[], (SendText | undefined)[]];

/** A read ahead nobody will use (the keys changed, or the reader stopped): its failure is only noted. */
function drop(reading: Promise<Batch> | undefined): void {
  reading?.then(undefined, (error: unknown) =>
    console.debug("send store: an abandoned read-ahead failed", error),
  );
}

function readBatch(keys: ChunkKey[]): Promise<Batch> {
  const database = db();
  return Promise.all([
    database.sendChunks.bulkGet(keys) as Promise<(SendChunk | undefined)[]>,
    database.sendText.bulkGet(keys) as Promise<(SendText | undefined)[]>,
  ]);
}

/** The window's keys holding rows strictly past `after`, in the read's direction. */
async function keysPast(list: number, window: TimeWindow, ascending: boolean, after?: RowPosition) {
  let keys = await chunkKeysIn(list, window);
  if (after) keys = keys.filter((key) => (ascending ? key[3] >= after.ms : key[1] <= after.ms));
  if (!ascending) keys.reverse();
  return keys;
}

/** The rows of one chunk the read keeps: in the window, matching, strictly past `after`. */
function keptRows(
  chunk: SendChunk,
  lines: readonly string[],
  options: { ascending: boolean; window: TimeWindow; after?: RowPosition; contains?: string },
): number[] {
  const { ascending, window, after, contains } = options;
  const kept: number[] = [];
  for (let n = 0; n < chunk.rows; n++) {
    const i = ascending ? n : chunk.rows - 1 - n;
    const ms = chunk.firstMs + (chunk.offsets[i] ?? 0);
    if (!inWindow(ms, window)) continue;
    if (contains && !(lines[i] ?? "").includes(contains)) continue;
    if (after && (ascending ? ms < after.ms : ms > after.ms)) continue;
    if (after && ms === after.ms) {
      const order = compareSends({ ms, contactId: unpackId(chunk.ids, i) }, after);
      if (ascending ? order <= 0 : order >= 0) continue;
    }
    kept.push(i);
  }
  return kept;
}

/**
 * The same rows, in the same order, as read.ts's rowsInOrder for a read without a limit, and with
 * its guarantee (a chunk a sync rewrote meanwhile is found again from the last row given: no row
 * missed, none repeated), but as chunk views, and with the next batch read while this one is used.
 */
export async function* chunkRowsInOrder(list: number, options: ChunkReadOptions): AsyncGenerator<ChunkRows> {
  const window = options.window ?? {};
  const ascending = options.order === "asc";
  let after: RowPosition | undefined;
  let keys = await keysPast(list, window, ascending);
  let lastMissing: string | undefined;
  let slice = keys.splice(0, BATCH);
  let reading = slice.length > 0 ? readBatch(slice) : undefined;
  try {
    while (reading) {
      const [chunks, texts] = await reading;
      const current = slice;
      slice = keys.splice(0, BATCH);
      reading = slice.length > 0 ? readBatch(slice) : undefined;
      // A chunk replaced (or incomplete) since its key was read is not there to read.
      const missing = chunks.findIndex((chunk, i) => !chunk || !texts[i]);
      const readable = missing === -1 ? current.length : missing;
      for (let c = 0; c < readable; c++) {
        const chunk = chunks[c] as SendChunk;
        const lines = linesOf(texts[c] as SendText);
        const rows = keptRows(chunk, lines, { ascending, window, after, contains: options.contains });
        const last = rows[rows.length - 1];
        if (last === undefined) continue;
        after = { ms: chunk.firstMs + (chunk.offsets[last] ?? 0), contactId: unpackId(chunk.ids, last) };
        yield { chunk, lines, rows };
      }
      if (missing === -1) continue;
      // The read ahead may be of chunks gone too: the keys are read again from the last row given.
      drop(reading);
      const gone = JSON.stringify(current[missing]);
      keys = await keysPast(list, window, ascending, after);
      // The same chunk missing twice is incomplete, not replaced: skipped, not read forever.
      if (gone === lastMissing) keys = keys.filter((key) => JSON.stringify(key) !== gone);
      lastMissing = gone;
      slice = keys.splice(0, BATCH);
      reading = slice.length > 0 ? readBatch(slice) : undefined;
    }
  } finally {
    drop(reading);
  }
}

/** The sends of a list under a filter, as chunk views: how many (exact before the first), and them. */
export async function chunkSourceOf(
  dataset: string,
  options: ChunkReadOptions,
): Promise<{ total: number; chunks: AsyncIterable<ChunkRows> }> {
  const list = await findList(dataset);
  if (list === undefined) return { total: 0, chunks: (async function* () {})() };
  if (!options.contains?.trim()) {
    const read = { order: options.order, window: options.window };
    return { total: await countIn(list, options.window), chunks: chunkRowsInOrder(list, read) };
  }
  const matches = await findMatches(list, options.contains, options.window);
  const read = { ...options, contains: foldText(options.contains) };
  return { total: matches.total, chunks: chunkRowsInOrder(list, read) };
}
