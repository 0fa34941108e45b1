import Dexie from "dexie";
import { db } from "../db";
import { datasetBounds } from "./sends";

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

function countBetween(dataset: string, from: string, to: string, toInclusive: boolean): Promise<number> {
  const upper = toInclusive ? [dataset, to, Dexie.maxKey] : [dataset, to];
  return db()
    .sends.where("[dataset+sentAt+contactId]")
    .between([dataset, from], upper, true, toInclusive)
    .count();
}

/**
 * Sends per minute (or hour, or day) of one send list, without loading rows: the first and last
 * send times come from the two ends of the primary key, then each bar is a count over a key range
 * (IndexedDB counts keys natively). The bars are counted one after the other, not all at once:
 * IndexedDB serves a database's requests largely in order, so a page the user asks for meanwhile
 * waits for one bar's count (milliseconds), not for a million keys.
 */
export async function computeSendsHistogram(dataset: string): Promise<Histogram | undefined> {
  const [lower, upper] = datasetBounds(dataset);
  const range = () => db().sends.where("[dataset+sentAt+contactId]").between(lower, upper, true, true);
  const [first, last] = await Promise.all([range().first(), range().last()]);
  if (!first || !last) return undefined;
  const from = Date.parse(first.sentAt);
  const [bucketMs, unit] = bucketFor(Date.parse(last.sentAt) - from);
  const start = Math.floor(from / bucketMs) * bucketMs;
  const buckets = Math.floor((Date.parse(last.sentAt) - start) / bucketMs) + 1;
  const counts: number[] = [];
  for (let i = 0; i < buckets; i++) {
    const a = new Date(start + i * bucketMs).toISOString();
    const b = new Date(start + (i + 1) * bucketMs).toISOString();
    counts.push(await countBetween(dataset, a, b, false));
  }
  return { bucketMs, unit, start, counts };
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
