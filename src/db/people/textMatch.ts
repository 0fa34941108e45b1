import { pause, SLICE_MS } from "../sendStore/pause";
import type { IndexedChunk } from "./personIndex";

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
 * The folded emails of every line of these chunks containing `query` (already folded), each
 * once, in no particular order. One indexOf per match over each chunk's text, the match's line
 * found by binary search over where lines start, then the search goes on from the next line;
 * pauses between slices.
 */
export async function matchingEmails(
  chunks: Iterable<IndexedChunk>,
  query: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const matched = new DistinctEmails();
  let sliceStart = performance.now();
  for (const { text, starts, emails, hashes } of chunks) {
    for (let at = text.indexOf(query); at !== -1; ) {
      const line = lineAt(starts, at);
      matched.add(hashes[line]!, emails[line]!);
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
