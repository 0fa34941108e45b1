import type { ChunkKey } from "../sendStore/chunk";

/**
 * One chunk as the person index holds it: its search text and, line by line, where the line and
 * its email start and end, whether it has a name and its email's hash. Numbers only, no string a
 * line: the index holds a million lines, and the collector traces every string it holds.
 */
export interface IndexedChunk {
  key: ChunkKey;
  text: string;
  /** Where each line starts in `text`: a match's line by binary search, not by counting newlines. */
  starts: Int32Array;
  /** Where each line's folded email ends in `text` (at its tab, or the line's end). */
  emailEnds: Int32Array;
  /** 1 where the line has a name. */
  named: Uint8Array;
  /** hashOf(the line's email), line by line: a lookup compares numbers, not a million strings. */
  hashes: Int32Array;
  /** hash × LINES + line, sorted: a person's lines in this chunk by binary search. */
  byHash: Float64Array;
}

// A chunk's lines are numbered below this (MAX_CHUNK_ROWS is 1,000): a hash (|h| < 2³¹) times it
// plus a line is exact in a double (< 2⁵³), and sorting those doubles sorts by hash, then line.
const LINES = 65_536;
const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the UTF-16 code units of text[from, to), carried on from `hash`; an int32, as stored. */
export function hashOn(hash: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** FNV-1a over the UTF-16 code units: equal emails, equal hashes; the email itself decides. */
export function hashOf(email: string): number {
  return hashOn(FNV_OFFSET, email, 0, email.length);
}

function sortedByHash(hashes: Int32Array): Float64Array {
  const sorted = new Float64Array(hashes.length);
  for (let line = 0; line < hashes.length; line++) sorted[line] = hashes[line]! * LINES + line;
  return sorted.sort();
}

/** The first of the chunk's sorted hashes at or after `hash`'s lines; they follow while `isLine`. */
export function firstWithHash(byHash: Float64Array, hash: number): number {
  const from = hash * LINES;
  let low = 0;
  let high = byHash.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byHash[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The line at `at` of the sorted hashes if its hash is `hash`, else -1. */
export function lineWithHash(byHash: Float64Array, at: number, hash: number): number {
  const line = at < byHash.length ? byHash[at]! - hash * LINES : -1;
  return line >= 0 && line < LINES ? line : -1;
}

/** Whether line `line` of the chunk has exactly this folded email. */
export function hasEmail(chunk: IndexedChunk, line: number, email: string): boolean {
  const start = chunk.starts[line]!;
  return chunk.emailEnds[line]! - start === email.length && chunk.text.startsWith(email, start);
}

/** A chunk's search text ("folded email\tfolded name" a line) read into an IndexedChunk. */
export function indexedChunk(key: ChunkKey, text: string): IndexedChunk {
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  const starts = new Int32Array(lines);
  const emailEnds = new Int32Array(lines);
  const named = new Uint8Array(lines);
  const hashes = new Int32Array(lines);
  let start = 0;
  for (let line = 0; line < lines; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const tab = text.indexOf("\t", start);
    const emailEnd = tab === -1 || tab > end ? end : tab;
    starts[line] = start;
    emailEnds[line] = emailEnd;
    named[line] = emailEnd < end - 1 ? 1 : 0;
    hashes[line] = hashOn(FNV_OFFSET, text, start, emailEnd);
    start = end + 1;
  }
  return { key, text, starts, emailEnds, named, hashes, byHash: sortedByHash(hashes) };
}
