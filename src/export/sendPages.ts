import { type SendSource, sendSourceOf } from "../db/sends";
import { type SendsFilter, windowOf } from "../db/sendsFilter";
import type { Send } from "../db/types";

/** Rows per page handed to the writer: large enough that per-page costs vanish, small enough to hold a few. */
export const DEFAULT_PAGE_SIZE = 5_000;

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One send list under the filter, in its time order, as pages of `pageSize` rows: the store reads
 * a chunk (≤ 1,000 sends) at a time, in key order, so neither a million rows nor a list of keys
 * is ever held; rows written by a sync meanwhile land in chunks not yet read or not at all.
 */
export async function datasetPages(
  dataset: string,
  filter: SendsFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<SendSource> {
  const source = await sendSourceOf(dataset, {
    order: filter.order,
    window: windowOf(filter),
    contains: filter.contains,
  });
  return { total: source.total, pages: rebatch(source.pages, pageSize) };
}

async function* rebatch(pages: AsyncIterable<Send[]>, size: number): AsyncGenerator<Send[]> {
  let batch: Send[] = [];
  for await (const page of pages) {
    batch.push(...page);
    while (batch.length >= size) {
      yield batch.slice(0, size);
      batch = batch.slice(size);
    }
  }
  if (batch.length > 0) yield batch;
}
