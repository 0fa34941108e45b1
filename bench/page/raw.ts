import { MailroomDb, type Send } from "../../src/db";

/** The limits the app is compared with: plain Dexie on the same schema, in the same browser. */

const PAGE = 500;

/** Plain `bulkPut` of `rows` in 500-row transactions into a fresh database of the same schema. */
export async function rawBulkPut(rows: Send[]): Promise<{ rows: number; ms: number }> {
  const name = `mailroom-bench-raw-${Date.now()}`;
  const raw = new MailroomDb(name);
  await raw.open();
  const started = performance.now();
  for (let i = 0; i < rows.length; i += PAGE) {
    const page = rows.slice(i, i + PAGE);
    await raw.transaction("rw", raw.sends, () => raw.sends.bulkPut(page));
  }
  const ms = performance.now() - started;
  raw.close();
  await MailroomDb.delete(name);
  return { rows: rows.length, ms };
}

/** Keyset read of one send list in primary-key order, `pageSize` rows a step, rows discarded. */
export async function rawKeysetRead(dataset: string, pageSize: number, collect = false) {
  const db = new MailroomDb();
  await db.open();
  const collected: Send[] = [];
  let rows = 0;
  let lower: [string, string, string] = [dataset, "", ""];
  let lowerOpen = false;
  const upper: [string, string, string] = [dataset, "\uffff", "\uffff"];
  const started = performance.now();
  for (;;) {
    const page = await db.sends
      .where("[dataset+sentAt+contactId]")
      .between(lower, upper, !lowerOpen, true)
      .limit(pageSize)
      .toArray();
    rows += page.length;
    if (collect) collected.push(...page);
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    lower = [last.dataset, last.sentAt, last.contactId];
    lowerOpen = true;
  }
  const ms = performance.now() - started;
  db.close();
  return { rows, ms, collected };
}
