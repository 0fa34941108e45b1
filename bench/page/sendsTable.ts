// Every read the bench makes of the send store itself, and its one raw write, in one place.
// Everything else the bench page does goes through the app's screens.
import { countSends, MailroomDb, type Send, sendPagesOf } from "../../src/db";
import { encodeChunk } from "../../src/db/sendStore/chunk";

/** How many sends of a list the cache holds. */
export function countHeld(dataset: string): Promise<number> {
  return countSends(dataset);
}

/** The oldest send's address: the last row of the Sends screen in its default (newest first) order. */
export async function oldestEmail(dataset: string): Promise<string> {
  for await (const page of sendPagesOf(dataset, { order: "asc" })) return page[0]?.email ?? "";
  return "";
}

/** Every send of a list, oldest first, about `pageSize` rows a step: a million never sit in memory at once. */
export async function* pagesOf(dataset: string, pageSize: number): AsyncGenerator<Send[]> {
  let batch: Send[] = [];
  for await (const page of sendPagesOf(dataset, { order: "asc" })) {
    batch.push(...page);
    if (batch.length >= pageSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A fresh database of the app's schema, for the plain-Dexie limit the sync is compared with. */
export interface ScratchStore {
  /** The rows as one chunk and its search text, put in one transaction: no merge, no checkpoint. */
  put(rows: Send[]): Promise<void>;
  /** Closes and deletes the scratch database. */
  discard(): Promise<void>;
}

export async function openScratchStore(): Promise<ScratchStore> {
  const name = `mailroom-bench-raw-${Date.now()}`;
  const scratch = new MailroomDb(name);
  await scratch.open();
  let list = 0;
  return {
    put: async (rows) => {
      const timed = rows.map((row) => ({ ...row, ms: Date.parse(row.sentAt) }));
      const { chunk, text } = encodeChunk(++list, timed);
      await scratch.transaction("rw", scratch.sendChunks, scratch.sendText, async () => {
        await scratch.sendChunks.put(chunk);
        await scratch.sendText.put(text);
      });
    },
    discard: async () => {
      scratch.close();
      await MailroomDb.delete(name);
    },
  };
}
