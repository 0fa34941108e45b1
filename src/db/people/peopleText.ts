import { pause, SLICE_MS } from "../sendStore/pause";
import type { IndexedChunk } from "./personIndex";

/** Distinct search lines joined by "\n", with where each line starts (for a binary search). */
interface Block {
  text: string;
  starts: Int32Array;
}

/**
 * What People's search scans: each distinct "folded email\tfolded name" line of the account once,
 * however many sends carry it, instead of every send's line (a million sends are a few hundred
 * thousand people). Lines are kept in blocks, so a scan pauses between them.
 */
export interface PeopleText {
  blocks: Block[];
  lines: number;
}

const BLOCK_LINES = 8_192;

function toBlock(lines: readonly string[]): Block {
  const starts = new Int32Array(lines.length);
  let at = 0;
  lines.forEach((line, i) => {
    starts[i] = at;
    at += line.length + 1;
  });
  return { text: lines.join("\n"), starts };
}

function slicer(signal?: AbortSignal): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart <= SLICE_MS) return;
    signal?.throwIfAborted();
    await pause();
    sliceStart = performance.now();
  };
}

/** The distinct lines of these chunks, pausing between slices. */
export async function buildPeopleText(
  chunks: readonly IndexedChunk[],
  signal?: AbortSignal,
): Promise<PeopleText> {
  const breathe = slicer(signal);
  const distinct = new Set<string>();
  for (const chunk of chunks) {
    for (const line of chunk.text.split("\n")) distinct.add(line);
    await breathe();
  }
  const blocks: Block[] = [];
  let lines: string[] = [];
  for (const line of distinct) {
    lines.push(line);
    if (lines.length < BLOCK_LINES) continue;
    blocks.push(toBlock(lines));
    lines = [];
    await breathe();
  }
  if (lines.length > 0) blocks.push(toBlock(lines));
  signal?.throwIfAborted();
  return { blocks, lines: distinct.size };
}

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

/** The folded emails of every line containing `query` (folded, not empty), each once. */
export async function matchingEmails(
  text: PeopleText,
  query: string,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const breathe = slicer(signal);
  const matched = new Set<string>();
  for (const { text: lines, starts } of text.blocks) {
    for (let at = lines.indexOf(query); at !== -1; ) {
      const line = lineAt(starts, at);
      const start = starts[line]!;
      const end = line + 1 < starts.length ? starts[line + 1]! - 1 : lines.length;
      const tab = lines.indexOf("\t", start);
      matched.add(lines.slice(start, tab !== -1 && tab < end ? tab : end));
      at = end + 1 < lines.length ? lines.indexOf(query, end + 1) : -1;
    }
    await breathe();
  }
  signal?.throwIfAborted();
  return matched;
}
