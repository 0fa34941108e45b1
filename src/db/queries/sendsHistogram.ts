import { db } from "../db";
import type { ChunkKey } from "../sendStore/chunk";
import { findList } from "../sendStore/lists";
import { chunkKeysIn } from "../sendStore/read";
import { countSends } from "../sends";

export interface Histogram {
  /** Bucket width, ms. */
  bucketMs: number;
  /** "minute", "10 minutes", "hour", "day": for the picture's caption. */
  unit: string;
  /** Start (epoch ms) of the first bucket. */
  start: number;
  counts: number[];
}

const MINUTE = 60_000;
const STEPS: [number, string][] = [
  [MINUTE, "minute"],
  [5 * MINUTE, "5 minutes"],
  [10 * MINUTE, "10 minutes"],
  [30 * MINUTE, "30 minutes"],
  [60 * MINUTE, "hour"],
  [6 * 60 * MINUTE, "6 hours"],
  [24 * 60 * MINUTE, "day"],
];
/** At most this many bars: enough to see the shape of a mailing, few enough to count quickly. */
export const MAX_BUCKETS = 120;

/** The smallest step that draws the span in at most MAX_BUCKETS bars. */
export function bucketFor(spanMs: number): [number, string] {
  return STEPS.find(([ms]) => spanMs / ms < MAX_BUCKETS) ?? [Math.ceil(spanMs / MAX_BUCKETS), "period"];
}

/**
 * Sends per minute (or hour, or day) of one send list: the first and last send times come from
 * the chunks' keys, a chunk inside one bar adds its size from its key, and only the chunks that
 * straddle a bar's edge are read (their send times, not their rows' text).
 */
export async function computeSendsHistogram(dataset: string): Promise<Histogram | undefined> {
  const list = await findList(dataset);
  if (list === undefined) return undefined;
  const keys = await chunkKeysIn(list);
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (!first || !last) return undefined;
  const from = first[1];
  const [bucketMs, unit] = bucketFor(last[3] - from);
  const start = Math.floor(from / bucketMs) * bucketMs;
  const counts = new Array<number>(Math.floor((last[3] - start) / bucketMs) + 1).fill(0);
  const bar = (ms: number) => Math.floor((ms - start) / bucketMs);
  const straddling: ChunkKey[] = [];
  for (const key of keys) {
    if (bar(key[1]) === bar(key[3])) counts[bar(key[1])]! += key[4];
    else straddling.push(key);
  }
  for (let i = 0; i < straddling.length; i += 16) {
    const chunks = await db().sendChunks.bulkGet(straddling.slice(i, i + 16));
    for (const chunk of chunks) {
      if (!chunk) continue;
      for (const offset of chunk.offsets) counts[bar(chunk.firstMs + offset)]! += 1;
    }
  }
  return { bucketMs, unit, start, counts };
}

function countBetween(dataset: string, from: string, to: string, toInclusive: boolean): Promise<number> {
  // Inclusive bounds in ms: an exclusive end is the millisecond before it.
  const toMs = toInclusive ? Date.parse(to) : Date.parse(to) - 1;
  return countSends(dataset, { fromMs: Date.parse(from), toMs });
}

/**
 * The number of sends between two times (inclusive), from the histogram: whole bars are added up,
 * and only the two bars the bounds cut through are counted again. Exact, and never a count over
 * the whole list.
 */
export async function countFromHistogram(
  histogram: Histogram,
  dataset: string,
  sentFrom?: string,
  sentTo?: string,
): Promise<number> {
  const from = sentFrom ? Date.parse(sentFrom) : Number.NEGATIVE_INFINITY;
  const to = sentTo ? Date.parse(sentTo) : Number.POSITIVE_INFINITY;
  let total = 0;
  for (const [i, count] of histogram.counts.entries()) {
    const barStart = histogram.start + i * histogram.bucketMs;
    const barEnd = barStart + histogram.bucketMs;
    if (barEnd <= from || barStart > to || count === 0) continue;
    if (barStart >= from && barEnd - 1 <= to) {
      total += count;
      continue;
    }
    const lowIso = new Date(Math.max(from, barStart)).toISOString();
    total +=
      to < barEnd
        ? await countBetween(dataset, lowIso, sentTo ?? "", true)
        : await countBetween(dataset, lowIso, new Date(barEnd).toISOString(), false);
  }
  return total;
}
