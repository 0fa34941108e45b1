import { pause, SLICE_MS } from "../sendStore/pause";
import type { SearchText } from "./distinctLines";

/** The index of the line holding character `at`: the last start at or before it. */
function lineAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The email of a line: the line up to its tab, or all of it. */
function emailAt(text: string, starts: Int32Array, line: number): string {
  const start = starts[line]!;
  const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  const tab = text.indexOf("\t", start);
  return text.slice(start, tab === -1 || tab > end ? end : tab);
}

/**
 * Distinct emails by their hashes (personIndex.ts hashOf): an open-addressing table of numbers,
 * the email itself compared where two hashes are equal. A Set of strings did the same at several
 * times the cost: a broad search adds a hundred thousand lines.
 */
class DistinctEmails {
  readonly emails: string[] = [];
  private readonly hashes: number[] = [];
  private table = new Int32Array(1 << 8).fill(-1);

  add(hash: number, email: string): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (let held = this.table[slot]!; held !== -1; held = this.table[slot]!) {
      if (this.hashes[held] === hash && this.emails[held] === email) return;
      slot = (slot + 1) & mask;
    }
    this.table[slot] = this.emails.length;
    this.emails.push(email);
    this.hashes.push(hash);
    if (this.emails.length * 2 > this.table.length) this.grow();
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    this.hashes.forEach((hash, held) => {
      let slot = hash & mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & mask;
      this.table[slot] = held;
    });
  }
}

/**
 * The folded emails of every line of these texts (the distinct lines' segments, or chunks)
 * containing `query` (already folded), each once, in no particular order. One indexOf per match
 * over each text, the match's line found by binary search over where lines start, then the
 * search goes on from the next line; pauses between slices.
 */
export async function matchingEmails(
  texts: Iterable<SearchText>,
  query: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const matched = new DistinctEmails();
  let sliceStart = performance.now();
  for (const { text, starts, emails, hashes } of texts) {
    for (let at = text.indexOf(query); at !== -1; ) {
      const line = lineAt(starts, at);
      matched.add(hashes[line]!, emails ? emails[line]! : emailAt(text, starts, line));
      if (line + 1 >= starts.length) break;
      at = text.indexOf(query, starts[line + 1]!);
    }
    if (performance.now() - sliceStart <= SLICE_MS) continue;
    signal?.throwIfAborted();
    await pause();
    sliceStart = performance.now();
  }
  signal?.throwIfAborted();
  return matched.emails;
}
