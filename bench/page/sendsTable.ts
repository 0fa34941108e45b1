// Every read the bench makes of the send table itself, and its one raw write, in one place: the
// store of issue 14 replaces the table `sends` keyed `[dataset+sentAt+contactId]`, and only the
// bodies below need to follow it. Everything else the bench page does goes through the app's code.
import { db, MailroomDb, type Send } from "../../src/db";

const PRIMARY = "[dataset+sentAt+contactId]";

/** How many sends of a list the cache holds. */
export function countHeld(dataset: string): Promise<number> {
  return db().sends.where(PRIMARY).between([dataset], [dataset, []]).count();
}

/** The oldest send's address: the last row of the Sends screen in its default (newest first) order. */
export async function oldestEmail(dataset: string): Promise<string> {
  const first = await db()
    .sends.where(PRIMARY)
    .between([dataset, "", ""], [dataset, "\uffff", "\uffff"])
    .first();
  return first?.email ?? "";
}

/**
 * Every send of a list, oldest first, `pageSize` rows a step (keyset paging), from a connection of
 * its own: a million rows never sit in memory at once.
 */
export async function* pagesOf(dataset: string, pageSize: number): AsyncGenerator<Send[]> {
  const store = new MailroomDb();
  await store.open();
  let lower: [string, string, string] = [dataset, "", ""];
  let lowerOpen = false;
  const upper: [string, string, string] = [dataset, "\uffff", "\uffff"];
  try {
    for (;;) {
      const page = await store.sends
        .where(PRIMARY)
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
    store.close();
  }
}

/** A fresh database of the app's schema, for the plain-Dexie limit the sync is compared with. */
export interface ScratchStore {
  /** One plain `bulkPut` of these rows, in one transaction. */
  put(rows: Send[]): Promise<void>;
  /** Closes and deletes the scratch database. */
  discard(): Promise<void>;
}

export async function openScratchStore(): Promise<ScratchStore> {
  const name = `mailroom-bench-raw-${Date.now()}`;
  const scratch = new MailroomDb(name);
  await scratch.open();
  return {
    put: (rows) => scratch.transaction("rw", scratch.sends, () => scratch.sends.bulkPut(rows)).then(() => {}),
    discard: async () => {
      scratch.close();
      await MailroomDb.delete(name);
    },
  };
}
