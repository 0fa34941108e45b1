import type { ChunkKey } from "../sendStore/chunk";
import { pause, SLICE_MS } from "../sendStore/pause";
import { cachedTexts } from "../sendStore/textCache";
import { emailsOf } from "./emails";
import type { SendAt } from "./rows";

/** One chunk as the index holds it: its search text, its lines' folded emails and their hashes. */
export interface IndexedChunk {
  key: ChunkKey;
  text: string;
  emails: string[];
  /** 1 where the line has a name. */
  named: Uint8Array;
  /** hashOf(emails[line]), line by line: a lookup compares numbers, not a million strings. */
  hashes: Int32Array;
  /** Where each line starts in `text`: a match's line by binary search, not by counting newlines. */
  starts: Int32Array;
  /** hash × LINES + line, sorted: a person's lines in this chunk by binary search. */
  byHash: Float64Array;
}

// A chunk's lines are numbered below this (MAX_CHUNK_ROWS is 1,000): a hash (|h| < 2³¹) times it
// plus a line is exact in a double (< 2⁵³), and sorting those doubles sorts by hash, then line.
const LINES = 65_536;

function sortedByHash(hashes: Int32Array): Float64Array {
  const sorted = new Float64Array(hashes.length);
  for (let line = 0; line < hashes.length; line++) sorted[line] = hashes[line]! * LINES + line;
  return sorted.sort();
}

/** The lines of a chunk whose email hashes to `hash`, by binary search over its sorted hashes. */
function linesWithHash(byHash: Float64Array, hash: number): number[] {
  const from = hash * LINES;
  let low = 0;
  let high = byHash.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byHash[mid]! < from) low = mid + 1;
    else high = mid;
  }
  const lines: number[] = [];
  for (let at = low; at < byHash.length && byHash[at]! < from + LINES; at++) lines.push(byHash[at]! - from);
  return lines;
}

/** One send to a person: where it lies, and whether its line has a name. */
export interface IndexedPlace extends SendAt {
  named: boolean;
}

/** FNV-1a over the UTF-16 code units: equal emails, equal hashes; the email itself decides. */
export function hashOf(email: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < email.length; i++) hash = Math.imul(hash ^ email.charCodeAt(i), 0x01000193);
  return hash;
}

function lineStarts(text: string, lines: number): Int32Array {
  const starts = new Int32Array(lines);
  let at = 0;
  for (let line = 1; line < lines; line++) {
    at = text.indexOf("\n", at) + 1;
    starts[line] = at;
  }
  return starts;
}

export const chunkId = (key: ChunkKey) => key.join("\u0000");

/**
 * What People asks of a set of chunks, in memory: each chunk's folded emails with their hashes,
 * and where its lines start. `update` brings it to exactly the chunks given, reading only those
 * it does not hold and forgetting those gone: chunk keys are content keys (a chunk rewritten by a
 * sync has a new key), so a new page, a resync or a removed list shows as keys added and keys
 * gone. Nothing spans chunks (no map of every person to keep in step, no million small arrays
 * for the collector): a chunk is added or dropped whole. It pauses between slices of SLICE_MS.
 */
export class PersonIndex {
  private readonly held = new Map<string, IndexedChunk>();

  async update(wanted: readonly ChunkKey[], signal?: AbortSignal): Promise<void> {
    const wantedIds = new Map<string, ChunkKey>();
    for (const key of wanted) wantedIds.set(chunkId(key), key);
    for (const id of this.held.keys()) if (!wantedIds.has(id)) this.held.delete(id);
    const missing = [...wantedIds].filter(([id]) => !this.held.has(id)).map(([, key]) => key);
    let sliceStart = performance.now();
    for await (const batch of cachedTexts(missing)) {
      // A chunk rewritten since its key was read has no text: the next update sees its new key.
      for (const [key, text] of batch) {
        this.add(key, text);
        if (performance.now() - sliceStart <= SLICE_MS) continue;
        signal?.throwIfAborted();
        await pause();
        sliceStart = performance.now();
      }
    }
    signal?.throwIfAborted();
  }

  /**
   * Every send to each of these folded emails, in no particular order: a binary search of each
   * chunk's sorted hashes per email (the email itself compared where a hash matches), pausing
   * between slices.
   */
  async placesOf(emails: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, IndexedPlace[]>> {
    const wanted = [...emails].map((email) => ({ email, hash: hashOf(email) }));
    const found = new Map<string, IndexedPlace[]>();
    let sliceStart = performance.now();
    for (const chunk of this.held.values()) {
      if (performance.now() - sliceStart > SLICE_MS) {
        signal?.throwIfAborted();
        await pause();
        sliceStart = performance.now();
      }
      for (const { email, hash } of wanted) {
        for (const line of linesWithHash(chunk.byHash, hash)) {
          if (chunk.emails[line] !== email) continue;
          const place = { key: chunk.key, line, named: chunk.named[line] === 1 };
          const own = found.get(email);
          if (own) own.push(place);
          else found.set(email, [place]);
        }
      }
    }
    return found;
  }

  /** The search text held for this chunk, if it is held: what a row read need not read again. */
  textOf(key: ChunkKey): string | undefined {
    return this.held.get(chunkId(key))?.text;
  }

  /** The chunks held, in no particular order. */
  chunks(): IterableIterator<IndexedChunk> {
    return this.held.values();
  }

  private add(key: ChunkKey, text: string): void {
    const id = chunkId(key);
    if (this.held.has(id)) return;
    const { emails, named } = emailsOf(key, text);
    const hashes = new Int32Array(emails.length);
    for (let line = 0; line < emails.length; line++) hashes[line] = hashOf(emails[line]!);
    const starts = lineStarts(text, emails.length);
    this.held.set(id, { key, text, emails, named, hashes, starts, byHash: sortedByHash(hashes) });
  }
}
