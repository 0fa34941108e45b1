import { pause, SLICE_MS } from "../sendStore/pause";
import { hashOn, type IndexedChunk } from "./indexedChunk";

/** A text a search scans (textMatch.ts): a chunk's, or a segment of the distinct lines. */
export interface SearchText {
  text: string;
  /** Where each line starts in `text`. */
  starts: Int32Array;
  /** The hash (personIndex.ts hashOf) of each line's folded email. */
  hashes: Int32Array;
  /** Each line's folded email; absent, it is the line up to its tab. */
  emails?: readonly string[];
}

// Lines are numbered as they arrive; a segment is the text of SEGMENT_LINES numbers, built again
// only when one of its lines comes or goes, so a page a sync adds rebuilds one or two segments.
const SEGMENT_LINES = 8_192;
const EMPTY = -1;
const GONE = -2;
const [SENDS, LENGTH, HASH, EMAIL_HASH, POSITION, FIELDS] = [0, 1, 2, 3, 4, 5];

function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const larger = new Int32Array(Math.max(size, array.length * 2));
  larger.set(array);
  return larger;
}

/**
 * The distinct lines ("folded email" or "folded email\tfolded name") of the chunks added, each
 * once however many sends carry it, with how many do: a search scans these (about 320,000 for
 * the bench's million sends) and finds the same emails as a scan of every send's line, since a
 * line matches or not whichever send it came from. Chunks are added and removed whole; a line
 * leaves the text when its last send goes. Lines are found by hash in an open-addressing table,
 * the line itself compared where hashes are equal. Held as a few long strings and typed arrays,
 * not a string per line: the collector would trace those on every major collection.
 */
export class DistinctLines {
  private numbered = 0;
  /** FIELDS numbers a line side by side (sends, length, hash, email's hash, place in its segment). */
  private records = new Int32Array(FIELDS << 10);
  /** By number, lines numbered since their segment was built (slices of the chunk they came from), else "". */
  private readonly pending: string[] = [];
  /** Pairs (line hash, number): a probe reads one place. Rebuilt (dropping GONE) at half full. */
  private table = new Int32Array(2 << 10).fill(EMPTY);
  private used = 0;
  private readonly byChunk = new Map<string, Int32Array>();
  private readonly segments: { text: string; starts: Int32Array; hashes: Int32Array }[] = [];
  private readonly dirty = new Set<number>();
  gone = 0; // Lines numbered whose sends have all gone.

  /** Lines held: each has a send. */
  get size(): number {
    return this.numbered - this.gone;
  }

  add(id: string, chunk: IndexedChunk): void {
    if (this.byChunk.has(id)) return;
    const { text, starts, emailEnds, hashes, named } = chunk;
    const numbers = new Int32Array(starts.length);
    // Line `next` is tried first: lists sent to one audience hold their people in one order, so a
    // chunk's lines mostly follow an earlier chunk's numbers, whose records lie side by side.
    let next = this.numbered;
    for (let line = 0; line < starts.length; line++) {
      const start = starts[line]!;
      const emailEnd = emailEnds[line]!;
      // A line without a name is its email alone ("email\t" and "email" match the same queries).
      const end =
        named[line] === 1 ? (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length) : emailEnd;
      const hash = hashOn(hashes[line]!, text, emailEnd, end);
      const number =
        next < this.numbered && this.holds(next, hash, text, start, end)
          ? next
          : this.numberOf(hash, hashes[line]!, text, start, end);
      next = number + 1;
      numbers[line] = number;
      if (this.records[FIELDS * number + SENDS]!++ === 0) this.dirty.add(Math.floor(number / SEGMENT_LINES));
    }
    this.byChunk.set(id, numbers);
  }

  remove(id: string): void {
    const numbers = this.byChunk.get(id);
    if (!numbers) return;
    this.byChunk.delete(id);
    for (const number of numbers) if (--this.records[FIELDS * number + SENDS]! === 0) this.forget(number);
  }

  /** The text's segments, each built again where a line came or went, pausing between them. */
  async texts(signal?: AbortSignal): Promise<SearchText[]> {
    let sliceStart = performance.now();
    for (const segment of this.dirty) {
      signal?.throwIfAborted();
      this.build(segment);
      this.dirty.delete(segment);
      if (performance.now() - sliceStart <= SLICE_MS) continue;
      await pause();
      sliceStart = performance.now();
    }
    signal?.throwIfAborted();
    return this.segments.filter((segment) => segment.starts.length > 0);
  }

  /** Whether `number` is a line held with this hash whose text is text[start, end): compared in full. */
  private holds(number: number, hash: number, text: string, start: number, end: number): boolean {
    const record = FIELDS * number;
    if (this.records[record + SENDS]! === 0 || this.records[record + HASH] !== hash) return false;
    return this.records[record + LENGTH] === end - start && this.lineText(number) === text.slice(start, end);
  }

  /** The text of a line held. */
  private lineText(number: number): string {
    const pending = this.pending[number]!;
    if (pending !== "") return pending;
    const length = this.records[FIELDS * number + LENGTH]!;
    if (length === 0) return "";
    const position = this.records[FIELDS * number + POSITION]!;
    return this.segments[Math.floor(number / SEGMENT_LINES)]!.text.slice(position, position + length);
  }

  /** The number of the line text[start, end) (its hash and its email's given), numbered anew if not held. */
  private numberOf(hash: number, emailHash: number, text: string, start: number, end: number): number {
    // Every line numbered so far has a send (or is gone): the table may be rebuilt without GONE.
    if ((this.used + 1) * 4 > this.table.length) this.rehash();
    const mask = (this.table.length >> 1) - 1;
    let slot = hash & mask;
    let free = -1;
    for (let held = this.table[2 * slot + 1]!; held !== EMPTY; held = this.table[2 * slot + 1]!) {
      if (held === GONE) {
        if (free === -1) free = slot;
      } else if (this.table[2 * slot] === hash && this.holds(held, hash, text, start, end)) {
        return held;
      }
      slot = (slot + 1) & mask;
    }
    const number = this.numbered++;
    if (free === -1) this.used++;
    else slot = free;
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = number;
    this.records = grown(this.records, FIELDS * (number + 1));
    const record = FIELDS * number;
    this.records[record + LENGTH] = end - start;
    this.records[record + HASH] = hash;
    this.records[record + EMAIL_HASH] = emailHash;
    this.pending.push(text.slice(start, end));
    return number;
  }

  /** A line's last send went: out of the table and, once its segment is built again, the text. */
  private forget(number: number): void {
    const mask = (this.table.length >> 1) - 1;
    let slot = this.records[FIELDS * number + HASH]! & mask;
    while (this.table[2 * slot + 1] !== number) slot = (slot + 1) & mask;
    this.table[2 * slot + 1] = GONE;
    this.pending[number] = "";
    this.gone++;
    this.dirty.add(Math.floor(number / SEGMENT_LINES));
  }

  private rehash(): void {
    const old = this.table;
    const oldSlots = old.length >> 1;
    const slots = this.size * 4 > oldSlots ? oldSlots * 2 : oldSlots;
    this.table = new Int32Array(2 * slots).fill(EMPTY);
    this.used = 0;
    const mask = slots - 1;
    for (let at = 1; at < old.length; at += 2) {
      if (old[at]! < 0) continue;
      let slot = old[at - 1]! & mask;
      while (this.table[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
      this.table[2 * slot] = old[at - 1]!;
      this.table[2 * slot + 1] = old[at]!;
      this.used++;
    }
  }

  /** One segment's text from its lines held, and where each now lies in it. */
  private build(segment: number): void {
    const from = segment * SEGMENT_LINES;
    const to = Math.min(from + SEGMENT_LINES, this.numbered);
    const held: number[] = [];
    for (let number = from; number < to; number++)
      if (this.records[FIELDS * number + SENDS]! > 0) held.push(number);
    const text = held.map((number) => this.lineText(number)).join("\n");
    const starts = new Int32Array(held.length);
    const hashes = new Int32Array(held.length);
    let at = 0;
    held.forEach((number, line) => {
      this.pending[number] = "";
      this.records[FIELDS * number + POSITION] = at;
      starts[line] = at;
      hashes[line] = this.records[FIELDS * number + EMAIL_HASH]!;
      at += this.records[FIELDS * number + LENGTH]! + 1;
    });
    this.segments[segment] = { text, starts, hashes };
  }
}
