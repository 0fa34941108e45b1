import { allSendsOf, db, type Send, sendTables, storeSendPage } from "../../src/db";
import { dropDataset } from "../../src/db/sendStore/lists";

/** Stores sends the way a sync does (chunks of their lists), grouped by list. */
export async function putSends(rows: readonly Send[]): Promise<void> {
  const byList = new Map<string, Send[]>();
  for (const row of rows) {
    const list = byList.get(row.dataset) ?? [];
    list.push(row);
    byList.set(row.dataset, list);
  }
  const database = db();
  await database.transaction("rw", sendTables(), async () => {
    for (const [dataset, sends] of byList) {
      for (let i = 0; i < sends.length; i += 5_000) await storeSendPage(dataset, sends.slice(i, i + 5_000));
    }
  });
}

/** How many sends the device holds, every list (shown copies) together. */
export async function countAllSends(): Promise<number> {
  const keys = (await db().sendChunks.toCollection().primaryKeys()) as unknown as [
    number,
    number,
    string,
    number,
    number,
  ][];
  const shown = new Set(
    (
      await db()
        .sendLists.filter((list) => list.copy === 0)
        .toArray()
    ).map((list) => list.id),
  );
  return keys.filter((key) => shown.has(key[0])).reduce((n, key) => n + key[4], 0);
}

/** Replaces a list's sends with `edit(the sends held, oldest first)`: a test's way to lose or add rows. */
export async function rewriteList(dataset: string, edit: (rows: Send[]) => Send[]): Promise<void> {
  const rows = edit(await allSendsOf(dataset));
  await db().transaction("rw", sendTables(), async () => {
    await dropDataset(dataset);
    for (let i = 0; i < rows.length; i += 5_000) await storeSendPage(dataset, rows.slice(i, i + 5_000));
  });
}
