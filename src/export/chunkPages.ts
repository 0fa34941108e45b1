import { type ChunkRows, chunkSourceOf } from "../db";
import { type SendsFilter, windowOf } from "../db/sendsFilter";
import { chunkTextWriter } from "./chunkCsv";
import type { SendContext } from "./columns";
import type { CsvText } from "./sinks";
import { Utf8PageBuffer } from "./utf8Page";

/** A serialised page: its text (CRLF after every line, see sinks.ts's CsvText) and its rows. */
export interface TextPage {
  text: CsvText;
  rows: number;
}

export interface TextSource {
  /** Rows in all; undefined when only the whole scan can tell. */
  total?: number;
  pages: AsyncIterable<TextPage>;
}

/**
 * One send list under the filter as CSV pages of `pageSize` rows (the last may be smaller), built
 * from the store's chunks without a Send per row, written while the store reads them. Rows written
 * by a sync meanwhile land in chunks not yet read or not at all.
 */
export async function chunkTextPages(
  dataset: string,
  filter: SendsFilter,
  columns: { ids: readonly string[]; context: SendContext; formulaGuard: boolean },
  pageSize: number,
): Promise<TextSource> {
  const source = await chunkSourceOf(dataset, {
    order: filter.order,
    window: windowOf(filter),
    contains: filter.contains,
  });
  const write = chunkTextWriter(columns.ids, dataset, columns.context, columns.formulaGuard);
  async function* pages(): AsyncGenerator<TextPage> {
    const page = new Utf8PageBuffer();
    let rows = 0;
    // Runs inside the store's read events: the rows go into the page while IndexedDB holds them.
    const use = (view: ChunkRows) => {
      // A chunk may end one page and start the next: every page but the last has pageSize rows.
      for (let at = 0; at < view.rows.length; ) {
        const take = Math.min(view.rows.length - at, pageSize - rows);
        write(view, at, at + take, page);
        rows += take;
        at += take;
        if (rows === pageSize) {
          page.cut();
          rows = 0;
        }
      }
    };
    for await (const _batch of source.visit(use))
      for (const text of page.takeCut()) yield { text, rows: pageSize };
    if (rows > 0) yield { text: page.take(), rows };
  }
  return { total: source.total, pages: pages() };
}
