import { compareSends, linesOf, type SendChunk } from "./chunk";
import { readChunkPairs } from "./chunkCursor";
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
  /** Chunks per transaction; EXPORT_BATCH_CHUNKS when absent. */
  batch?: number;
}

/**
 * Chunks per IndexedDB transaction: between two, the reader's pages go to its sink, and a batch's
 * pages wait in the page buffer (16,000 rows, about 2.6 MB). At 1M on 3 Dec, 4 gave 0.66 of a plain
 * keyset read's rows/s (two runs) and 16 gave 0.60–0.88 (three runs): no clear difference on this
 * shared machine; 16 opens a quarter of the transactions. The heap growth was 31–35 MB either way.
 */
export const EXPORT_BATCH_CHUNKS = 16;

/** Receives a chunk view inside the IndexedDB event that read it (see chunkCursor.ts). */
export type UseChunkRows = (view: ChunkRows) => void;

/** A list's sends under a filter, as chunk views. */
export interface ChunkSource {
  /** How many, exact before the first is read. */
  total: number;
  /** Gives every view to `use`, a batch at a time; yields after each batch, before the next is read. */
  visit(use: UseChunkRows): AsyncIterable<void>;
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
 * missed, none repeated), but as chunk views given to `use` while IndexedDB holds them.
 */
async function* visitChunkRows(
  list: number,
  options: ChunkReadOptions,
  use: UseChunkRows,
): AsyncGenerator<void> {
  const window = options.window ?? {};
  const ascending = options.order === "asc";
  let after: RowPosition | undefined;
  let keys = await keysPast(list, window, ascending);
  let lastMissing: string | undefined;
  while (keys.length > 0) {
    const batch = keys.splice(0, options.batch ?? EXPORT_BATCH_CHUNKS);
    const missing = await readChunkPairs(batch, (chunk, text) => {
      const lines = linesOf(text);
      const rows = keptRows(chunk, lines, { ascending, window, after, contains: options.contains });
      const last = rows[rows.length - 1];
      if (last === undefined) return;
      after = { ms: chunk.firstMs + (chunk.offsets[last] ?? 0), contactId: unpackId(chunk.ids, last) };
      use({ chunk, lines, rows });
    });
    yield;
    if (missing === -1) continue;
    // A chunk replaced (or incomplete) since its key was read: the keys are read again from the last row given.
    const gone = JSON.stringify(batch[missing]);
    keys = await keysPast(list, window, ascending, after);
    // The same chunk missing twice is incomplete, not replaced: skipped, not read forever.
    if (gone === lastMissing) keys = keys.filter((key) => JSON.stringify(key) !== gone);
    lastMissing = gone;
  }
}

/** The sends of a list under a filter, as chunk views: how many (exact before the first), and them. */
export async function chunkSourceOf(dataset: string, options: ChunkReadOptions): Promise<ChunkSource> {
  const list = await findList(dataset);
  if (list === undefined) return { total: 0, visit: async function* () {} };
  if (!options.contains?.trim()) {
    const read = { order: options.order, window: options.window, batch: options.batch };
    const total = await countIn(list, options.window);
    return { total, visit: (use) => visitChunkRows(list, read, use) };
  }
  const matches = await findMatches(list, options.contains, options.window);
  const read = { ...options, contains: foldText(options.contains) };
  return { total: matches.total, visit: (use) => visitChunkRows(list, read, use) };
}
