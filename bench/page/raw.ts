import { MailroomDb, type Send } from "../../src/db";

/** The limits the app is compared with: plain Dexie on the same schema, in the same browser. */

const PAGE = 500;

/**
 * Plain `bulkPut` of every row of a send list, in 500-row transactions, into a fresh database of
 * the same schema: the same rows and the same growing table as the app's sync. The rows are read
 * from the app's database page by page (not timed), so a million never sit in memory at once.
 */
export async function rawBulkPut(dataset: string): Promise<{ rows: number; ms: number }> {
  const name = `mailroom-bench-raw-${Date.now()}`;
  const raw = new MailroomDb(name);
  await raw.open();
  let rows = 0;
  let ms = 0;
  for await (const page of keysetPages(dataset, PAGE)) {
    const started = performance.now();
    await raw.transaction("rw", raw.sends, () => raw.sends.bulkPut(page));
    ms += performance.now() - started;
    rows += page.length;
  }
  raw.close();
  await MailroomDb.delete(name);
  return { rows, ms };
}

async function* keysetPages(dataset: string, pageSize: number): AsyncGenerator<Send[]> {
  const db = new MailroomDb();
  await db.open();
  let lower: [string, string, string] = [dataset, "", ""];
  let lowerOpen = false;
  const upper: [string, string, string] = [dataset, "\uffff", "\uffff"];
  try {
    for (;;) {
      const page = await db.sends
        .where("[dataset+sentAt+contactId]")
        .between(lower, upper, !lowerOpen, true)
        .limit(pageSize)
        .toArray();
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (!last || page.length < pageSize) return;
      lower = [last.dataset, last.sentAt, last.contactId];
      lowerOpen = true;
    }
  } finally {
    db.close();
  }
}

/** Keyset read of one send list in primary-key order, `pageSize` rows a step, rows discarded. */
export async function rawKeysetRead(
  dataset: string,
  pageSize: number,
): Promise<{ rows: number; ms: number }> {
  let rows = 0;
  const started = performance.now();
  for await (const page of keysetPages(dataset, pageSize)) rows += page.length;
  return { rows, ms: performance.now() - started };
}
