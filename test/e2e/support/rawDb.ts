import type { Page } from "playwright-core";

// Mailroom's IndexedDB read (and one token row changed) straight from the browser, past the app:
// what sign-in, sign-out and erase left behind.

export type Row = Record<string, unknown>;

/**
 * Reads every row of Mailroom's IndexedDB straight from the browser, table by table; with `patch`,
 * first merges it into one token row (as another tab, or time passing, would change it).
 */
export function database(
  page: Page,
  patch?: { key: [string, string]; changes: Row },
): Promise<Record<string, Row[]>> {
  return page.evaluate(async (patch) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open("mailroom");
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
    if (patch) {
      const tokens = db.transaction("tokens", "readwrite").objectStore("tokens");
      await read(tokens.put({ ...(await read(tokens.get(patch.key))), ...patch.changes }));
    }
    const tables: Record<string, Row[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      tables[name] = await read(db.transaction(name).objectStore(name).getAll());
    }
    db.close();
    return tables;
  }, patch);
}

/** How many rows of each table belong to one account. */
export async function rowsOf(page: Page, accountId: string): Promise<Record<string, number>> {
  const mine = (row: Row) =>
    row.accountId === accountId || row.id === accountId || String(row.dataset).startsWith(`${accountId}|`);
  const tables = await database(page);
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.filter(mine).length]));
}

/** One stored token, after merging `changes` into it when given. */
export async function storedToken(page: Page, key: [string, string], changes?: Row): Promise<Row> {
  const { tokens } = await database(page, changes && { key, changes });
  return tokens!.find((token) => token.accountId === key[0] && token.generation === key[1])!;
}

export async function accountIdOf(page: Page, label: string): Promise<string> {
  const { accounts } = await database(page);
  return String(accounts!.find((account) => account.label === label)!.id);
}

/** Writes one row into a table of Mailroom's IndexedDB, past the app (the app must have opened it). */
export function putRow(page: Page, table: string, row: Row): Promise<void> {
  return page.evaluate(
    async ({ table, row }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open("mailroom");
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((done, fail) => {
        const transaction = db.transaction(table, "readwrite");
        transaction.objectStore(table).put(row);
        transaction.oncomplete = () => done();
        transaction.onerror = () => fail(transaction.error);
      });
      db.close();
    },
    { table, row },
  );
}
