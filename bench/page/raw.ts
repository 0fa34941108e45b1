import { db, type Send, sendPagesOf, sendTables, storeSendPage } from "../../src/db";
import { dropDataset } from "../../src/db/sendStore/lists";

/**
 * The limits the app is compared with: the send store's own write and read, in the same browser,
 * without the sync or the export around them. (Before the store kept sends in chunks this was a
 * plain Dexie bulkPut of one row per send; the store's write is now the floor a sync can reach.)
 */

const PAGE = 500;

/**
 * Every row of a send list stored again through storeSendPage, in 500-row transactions, under a
 * list of its own in the same database: the same rows and the same chunk writes as the sync,
 * with no request, pacing or checkpoint. The rows are read from the list page by page (not timed),
 * so a million never sit in memory at once; the copy is dropped afterwards.
 */
export async function rawBulkPut(dataset: string): Promise<{ rows: number; ms: number }> {
  const copy = `${dataset}|bench-raw-${Date.now()}`;
  const database = db();
  let rows = 0;
  let ms = 0;
  try {
    for await (const page of pagesOf(dataset, PAGE)) {
      const started = performance.now();
      await database.transaction("rw", sendTables(), () => storeSendPage(copy, page));
      ms += performance.now() - started;
      rows += page.length;
    }
  } finally {
    await database.transaction("rw", sendTables(), () => dropDataset(copy));
  }
  return { rows, ms };
}

/** A list's rows oldest first, `pageSize` at a time (the store reads a chunk, ≤ 1,000, at a time). */
async function* pagesOf(dataset: string, pageSize: number): AsyncGenerator<Send[]> {
  let held: Send[] = [];
  for await (const chunk of sendPagesOf(dataset, { order: "asc" })) {
    held.push(...chunk);
    while (held.length >= pageSize) {
      yield held.slice(0, pageSize);
      held = held.slice(pageSize);
    }
  }
  if (held.length > 0) yield held;
}

/** The store's read of one send list in time order, rows discarded: the floor of the export. */
export async function rawKeysetRead(
  dataset: string,
  _pageSize: number,
): Promise<{ rows: number; ms: number }> {
  let rows = 0;
  const started = performance.now();
  for await (const chunk of sendPagesOf(dataset, { order: "asc" })) rows += chunk.length;
  return { rows, ms: performance.now() - started };
}
