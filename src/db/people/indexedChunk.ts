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
  /**
   * An open-addressing table of line + 1 (0: empty slot) by email hash: a person's lines in this
   * chunk by one probe, where a sorted copy of the hashes took a sort to build and a binary search
   * to read. A chunk's lines are far fewer than 2¹⁶ (MAX_CHUNK_ROWS is 1,000): a slot is two bytes.
   */
  byHash: Uint16Array | Uint32Array;
}

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

function tableByHash(hashes: Int32Array): Uint16Array | Uint32Array {
  // At most half full: a probe for an email the chunk lacks meets an empty slot at once, mostly.
  let size = 2;
  while (size < hashes.length * 2) size *= 2;
  const table = hashes.length < 0xffff ? new Uint16Array(size) : new Uint32Array(size);
  const mask = size - 1;
  for (let line = 0; line < hashes.length; line++) {
    let slot = hashes[line]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = line + 1;
  }
  return table;
}

/**
 * The chunk's lines whose folded email is exactly `email` (its hash given), in no particular
 * order, into `lines` (emptied first: one array serves every chunk of a lookup).
 */
export function linesWithEmail(chunk: IndexedChunk, email: string, hash: number, lines: number[]): number[] {
  const { byHash, hashes } = chunk;
  const mask = byHash.length - 1;
  lines.length = 0;
  for (let slot = hash & mask; byHash[slot] !== 0; slot = (slot + 1) & mask) {
    const line = byHash[slot]! - 1;
    if (hashes[line] === hash && hasEmail(chunk, line, email)) lines.push(line);
  }
  return lines;
}

/** Whether line `line` of the chunk has exactly this folded email. */
export function hasEmail(chunk: IndexedChunk, line: number, email: string): boolean {
  const start = chunk.starts[line]!;
  return chunk.emailEnds[line]! - start === email.length && chunk.text.startsWith(email, start);
}

type Lines = Pick<IndexedChunk, "starts" | "emailEnds" | "named" | "hashes">;

/** Where the `lines` lines of `text` and their emails lie, or undefined if it has not that many. */
function linesOf(text: string, lines: number): Lines | undefined {
  if (!(lines >= 1)) return undefined;
  const starts = new Int32Array(lines);
  const emailEnds = new Int32Array(lines);
  const named = new Uint8Array(lines);
  const hashes = new Int32Array(lines);
  let start = 0;
  for (let line = 0; line < lines; line++) {
    const newline = text.indexOf("\n", start);
    // The last line ends the text; any other ends at a newline.
    if ((newline === -1) !== (line === lines - 1)) return undefined;
    const end = newline === -1 ? text.length : newline;
    const tab = text.indexOf("\t", start);
    const emailEnd = tab === -1 || tab > end ? end : tab;
    starts[line] = start;
    emailEnds[line] = emailEnd;
    named[line] = emailEnd < end - 1 ? 1 : 0;
    hashes[line] = hashOn(FNV_OFFSET, text, start, emailEnd);
    start = end + 1;
  }
  return { starts, emailEnds, named, hashes };
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

/**
 * A chunk's search text ("folded email\tfolded name" a line) read into an IndexedChunk. It has a
 * line a row (key[4]): read in one pass on that word, counted first only if it proves wrong.
 */
export function indexedChunk(key: ChunkKey, text: string): IndexedChunk {
  const lines = linesOf(text, key[4]) ?? linesOf(text, countLines(text))!;
  return { key, text, ...lines, byHash: tableByHash(lines.hashes) };
}
