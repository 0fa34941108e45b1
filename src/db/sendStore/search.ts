import { db } from "../db";
import { type ChunkKey, compareSends, decodeRow, type SendChunk, type TimedSend } from "./chunk";
import { foldText } from "./fold";
import { gramsOf } from "./gramStore";
import { gramsOfQuery, mayContain } from "./grams";
import { pause, SLICE_MS } from "./pause";
import { chunkKeysIn, inWindow, type RowPosition, type TimeWindow } from "./read";
import { asSearch } from "./searchGate";
import { cachedTexts, textsOf } from "./textCache";

/** The lines of one chunk that match, in time order. */
export interface ChunkMatches {
  key: ChunkKey;
  lines: number[];
}

/** Every match of a search in one list, in time order, with their number. */
export interface Matches {
  chunks: ChunkMatches[];
  total: number;
}

/** The lines of `text` containing `query` (already folded), each once. */
export function matchingLines(text: string, query: string): number[] {
  const lines: number[] = [];
  let line = 0;
  let lineStart = 0;
  let at = text.indexOf(query);
  while (at !== -1) {
    for (let nl = text.indexOf("\n", lineStart); nl !== -1 && nl < at; nl = text.indexOf("\n", lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    lines.push(line);
    const end = text.indexOf("\n", at);
    if (end === -1) break;
    line++;
    lineStart = end + 1;
    at = text.indexOf(query, lineStart);
  }
  return lines;
}

/** How a scan may stop early: the first page needs only its own matches, in its order. */
export interface ScanOptions {
  signal?: AbortSignal;
  /** Newest chunks first (the page wants the newest matches). */
  order?: "asc" | "desc";
  /** Stop once this many matches are found: the result is then incomplete, its total a floor. */
  stopAfter?: number;
}

/**
 * Every send of `list` whose email or name contains `query` (folded: any case, accents ignored),
 * in the window, in time order. Reads the chunks' maps (gramStore.ts) and the search text of those
 * the maps leave (cached, see textCache.ts), plus the rows of the chunks cut by the window's
 * edges; pauses between slices of SLICE_MS.
 */
export function findMatches(
  list: number,
  query: string,
  window: TimeWindow = {},
  options: ScanOptions = {},
): Promise<Matches & { complete: boolean }> {
  return asSearch(() => scan(list, query, window, options));
}

async function scan(
  list: number,
  query: string,
  window: TimeWindow,
  options: ScanOptions,
): Promise<Matches & { complete: boolean }> {
  const folded = foldText(query);
  const needles = gramsOfQuery(folded);
  const keys = await chunkKeysIn(list, window);
  if (options.order === "desc") keys.reverse();
  // A chunk whose map lacks a run of the query cannot hold it (grams.ts): its text is not read.
  const candidates = needles ? await mayHold(keys, needles) : keys;
  const chunks: ChunkMatches[] = [];
  let total = 0;
  let sliceStart = performance.now();
  let stoppedEarly = false;
  const enough = () => options.stopAfter !== undefined && total >= options.stopAfter;
  for await (const batch of cachedTexts(candidates)) {
    for (const [key, text] of batch) {
      let lines = matchingLines(text, folded);
      if (lines.length > 0 && !(inWindow(key[1], window) && inWindow(key[3], window))) {
        lines = await keepInWindow(key, lines, window);
      }
      if (lines.length > 0) {
        chunks.push({ key, lines });
        total += lines.length;
      }
      if (enough()) break;
    }
    if (enough()) {
      // Possibly at the very end; then the count the page asks for next is merely quick.
      stoppedEarly = true;
      break;
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      options.signal?.throwIfAborted();
      await pause();
      sliceStart = performance.now();
    }
  }
  options.signal?.throwIfAborted();
  if (options.order === "desc") chunks.reverse();
  return { chunks, total, complete: !stoppedEarly };
}

/** The chunks whose maps do not rule the query's runs out, in their order. */
async function mayHold(keys: ChunkKey[], needles: readonly number[]): Promise<ChunkKey[]> {
  const maps = await gramsOf(keys);
  return keys.filter((_, i) => mayContain(maps[i], needles));
}

async function keepInWindow(key: ChunkKey, lines: number[], window: TimeWindow): Promise<number[]> {
  const chunk = (await db().sendChunks.get(key)) as SendChunk | undefined;
  if (!chunk) return [];
  return lines.filter((i) => inWindow(chunk.firstMs + (chunk.offsets[i] ?? 0), window));
}

/**
 * The matches from ordinal `start` (0 = the oldest match), `count` of them, as rows: only the
 * chunks holding them are read.
 */
export async function matchedRows(matches: Matches, start: number, count: number): Promise<TimedSend[]> {
  const wanted: { key: ChunkKey; lines: number[] }[] = [];
  let seen = 0;
  for (const chunk of matches.chunks) {
    const end = seen + chunk.lines.length;
    if (end > start && seen < start + count) {
      wanted.push({
        key: chunk.key,
        lines: chunk.lines.slice(Math.max(0, start - seen), start + count - seen),
      });
    }
    seen = end;
    if (seen >= start + count) break;
  }
  const keys = wanted.map((w) => w.key);
  // The texts from the cache the scan filled; only the rows are read.
  const [rows, texts] = await Promise.all([db().sendChunks.bulkGet(keys), textsOf(keys)]);
  return wanted.flatMap((w, i) => {
    const chunk = rows[i] as SendChunk | undefined;
    const text = texts[i];
    if (!chunk || text === undefined) return [];
    const lines = text.split("\n");
    return w.lines.map((line) => decodeRow(chunk, lines, line));
  });
}

/**
 * How many matches lie strictly before a send (`before`) and up to it included (`upTo`), oldest
 * first: whole chunks from their keys, and the one or two chunks around the send read.
 */
export async function positionOf(
  matches: Matches,
  at: RowPosition,
): Promise<{ before: number; upTo: number }> {
  let before = 0;
  let upTo = 0;
  for (const chunk of matches.chunks) {
    const [, firstMs, firstId, lastMs] = chunk.key;
    if (compareSends({ ms: firstMs, contactId: firstId }, at) > 0) break;
    if (lastMs < at.ms) {
      before += chunk.lines.length;
      upTo += chunk.lines.length;
      continue;
    }
    const rows = await matchedRows({ chunks: [chunk], total: chunk.lines.length }, 0, chunk.lines.length);
    for (const row of rows) {
      const order = compareSends(row, at);
      if (order < 0) before++;
      if (order <= 0) upTo++;
    }
  }
  return { before, upTo };
}
