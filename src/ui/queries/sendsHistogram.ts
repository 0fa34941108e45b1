import { db } from "../../db";
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

/**
 * Sends per minute (or hour, or day) of one send list, without loading rows: the first and last
 * send times come from the two ends of the primary key, then each bar is a count over a key range
 * (IndexedDB counts keys natively). At most MAX_BUCKETS + 2 small requests whatever the list size.
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
  const counts = await Promise.all(
    Array.from({ length: buckets }, (_, i) => {
      const a = new Date(start + i * bucketMs).toISOString();
      const b = new Date(start + (i + 1) * bucketMs).toISOString();
      return db()
        .sends.where("[dataset+sentAt+contactId]")
        .between([dataset, a], [dataset, b], true, false)
        .count();
    }),
  );
  return { bucketMs, unit, start, counts };
}
