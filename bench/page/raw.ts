import { openScratchStore, pagesOf } from "./sendsTable";

/** The limits the app is compared with: plain Dexie on the same schema, in the same browser. */

const PAGE = 500;

/**
 * Plain `bulkPut` of every row of a send list, in 500-row transactions, into a fresh database of
 * the same schema: the same rows and the same growing table as the app's sync. The rows are read
 * from the app's database page by page (not timed), so a million never sit in memory at once.
 */
export async function rawBulkPut(dataset: string): Promise<{ rows: number; ms: number }> {
  const scratch = await openScratchStore();
  let rows = 0;
  let ms = 0;
  try {
    for await (const page of pagesOf(dataset, PAGE)) {
      const started = performance.now();
      await scratch.put(page);
      ms += performance.now() - started;
      rows += page.length;
    }
  } finally {
    await scratch.discard();
  }
  return { rows, ms };
}

/** Keyset read of one send list in primary-key order, `pageSize` rows a step, rows discarded. */
export async function rawKeysetRead(
  dataset: string,
  pageSize: number,
): Promise<{ rows: number; ms: number }> {
  let rows = 0;
  const started = performance.now();
  for await (const page of pagesOf(dataset, pageSize)) rows += page.length;
  return { rows, ms: performance.now() - started };
}
