import type { SendsFilter } from "../db/sendsFilter";
import type { Send } from "../db/types";
import { compareText, DEFAULT_PAGE_SIZE, datasetPages } from "./sendPages";

/**
 * Reads the next page while the caller serialises and writes the current one, so IndexedDB and
 * the serializer work at the same time. At most one page is read ahead.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      yield result.value;
    }
  } finally {
    // Stopped early (cancel or a failed write): the read already under way is no longer wanted,
    // and its failure, if any, would be an unhandled rejection with nobody left to report it to.
    next.then(
      () => iterator.return?.(),
      (error: unknown) => console.debug("export: an abandoned read-ahead failed", error),
    );
  }
}

interface DatasetSource {
  /** Rows this send list contributes; undefined when only the whole scan can tell. */
  total?: number;
  pages: AsyncIterable<Send[]>;
}

/** One send list's rows under this filter, with their number. */
function datasetSource(dataset: string, filter: SendsFilter, pageSize: number): Promise<DatasetSource> {
  return datasetPages(dataset, filter, pageSize);
}

function rowOrder(order: SendsFilter["order"]): (a: Send, b: Send) => number {
  const sign = order === "asc" ? 1 : -1;
  return (a, b) =>
    sign *
    (compareText(a.sentAt, b.sentAt) ||
      compareText(a.dataset, b.dataset) ||
      compareText(a.contactId, b.contactId));
}

/** One cursor over a source's pages: the page in hand and the position in it. */
interface Cursor {
  pages: AsyncIterator<Send[]>;
  page: Send[];
  at: number;
}

async function advance(cursor: Cursor): Promise<boolean> {
  while (cursor.at >= cursor.page.length) {
    const next = await cursor.pages.next();
    if (next.done) return false;
    cursor.page = next.value;
    cursor.at = 0;
  }
  return true;
}

/** Merges time-ordered page streams into one time-ordered stream of pages of `pageSize` rows. */
async function* merge(sources: AsyncIterable<Send[]>[], order: SendsFilter["order"], pageSize: number) {
  const compare = rowOrder(order);
  const cursors: Cursor[] = [];
  for (const source of sources) {
    const cursor = { pages: source[Symbol.asyncIterator](), page: [], at: 0 };
    if (await advance(cursor)) cursors.push(cursor);
  }
  let out: Send[] = [];
  while (cursors.length > 0) {
    let best = 0;
    for (let i = 1; i < cursors.length; i++) {
      if (compare(cursors[i]!.page[cursors[i]!.at]!, cursors[best]!.page[cursors[best]!.at]!) < 0) best = i;
    }
    const cursor = cursors[best]!;
    out.push(cursor.page[cursor.at++]!);
    if (!(await advance(cursor))) cursors.splice(best, 1);
    if (out.length === pageSize) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/**
 * The rows of a SendsFilter as pages of at most `pageSize`, in the filter's time order (several
 * send lists are merged by time), with the total when it can be known up front.
 */
export async function sendsPages(
  filter: SendsFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<{ total?: number; pages: AsyncIterable<Send[]> }> {
  const sources = await Promise.all(
    filter.datasets.map((dataset) => datasetSource(dataset, filter, pageSize)),
  );
  const known = sources.every((source) => source.total !== undefined);
  const total = known ? sources.reduce((sum, source) => sum + (source.total ?? 0), 0) : undefined;
  const first = sources[0];
  if (sources.length === 1 && first) return { total, pages: prefetch(first.pages) };
  return {
    total,
    pages: merge(
      sources.map((source) => prefetch(source.pages)),
      filter.order,
      pageSize,
    ),
  };
}
