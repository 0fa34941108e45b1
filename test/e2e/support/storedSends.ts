import type { Page } from "playwright-core";
import { encodeChunk, MAX_CHUNK_ROWS, type TimedSend } from "../../../src/db/sendStore/chunk";
import { gramsOfText } from "../../../src/db/sendStore/grams";
import type { Send } from "../../../src/db/types";

// A send list written straight into the app's own stores (sendLists, sendChunks, sendText, sendGrams), in
// the chunks the app itself would cut (src/db/sendStore/chunk.ts encodes them here, in Node).

/** A chunk and its text as page.evaluate can carry them: typed arrays as plain arrays. */
interface PortableChunk {
  chunk: Record<string, unknown>;
  text: Record<string, unknown>;
  /** The text's map of runs of four characters (grams.ts), as its 32-bit words. */
  grams: number[];
  offsets: number[];
  wideOffsets: boolean;
  uuids?: number[];
}

function timed(row: Send): TimedSend {
  const send: TimedSend = {
    ms: Date.parse(row.sentAt),
    contactId: row.contactId,
    email: row.email,
    sentAt: row.sentAt,
  };
  if (row.firstName) send.firstName = row.firstName;
  if (row.lastName) send.lastName = row.lastName;
  if (row.deletedAt) send.deletedAt = row.deletedAt;
  return send;
}

/** The chunks of one list, rows sorted by time then contact; list number 0 until written. */
export function portableChunks(rows: readonly Send[]): PortableChunk[] {
  const sorted = rows
    .map(timed)
    .sort((a, b) => a.ms - b.ms || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
  const out: PortableChunk[] = [];
  for (let start = 0; start < sorted.length; start += MAX_CHUNK_ROWS) {
    const { chunk, text } = encodeChunk(0, sorted.slice(start, start + MAX_CHUNK_ROWS));
    const { offsets, ids, ...rest } = chunk;
    const portable: PortableChunk = {
      chunk: { ...rest, ids: { text: ids.text } },
      text: { ...text },
      grams: Array.from(gramsOfText(text.text)),
      offsets: Array.from(offsets),
      wideOffsets: offsets instanceof Float64Array,
    };
    if (ids.uuids) portable.uuids = Array.from(ids.uuids);
    out.push(portable);
  }
  return out;
}

/** Writes one list (its number, chunks and texts) and `others` (store → rows) in one transaction. */
export async function writeSendList(
  page: Page,
  list: { dataset: string; accountId: string; rows: readonly Send[] },
  others: Record<string, unknown[]> = {},
): Promise<void> {
  const chunks = portableChunks(list.rows);
  await page.evaluate(
    async ({ dataset, accountId, chunks, others }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("mailroom");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(
        ["sendLists", "sendChunks", "sendText", "sendGrams", ...Object.keys(others)],
        "readwrite",
      );
      for (const [store, rows] of Object.entries(others))
        for (const row of rows) tx.objectStore(store).put(row);
      const add = tx.objectStore("sendLists").add({ dataset, accountId, copy: 0 });
      add.onsuccess = () => {
        const id = add.result as number;
        for (const c of chunks) {
          const ids = c.chunk.ids as { text?: Record<number, string>; uuids?: Uint8Array };
          if (c.uuids) ids.uuids = new Uint8Array(c.uuids);
          if (!ids.text) delete ids.text;
          const offsets = c.wideOffsets ? new Float64Array(c.offsets) : new Uint32Array(c.offsets);
          tx.objectStore("sendChunks").put({ ...c.chunk, list: id, ids, offsets });
          tx.objectStore("sendText").put({ ...c.text, list: id });
          const { text: _, ...head } = c.text;
          tx.objectStore("sendGrams").put({ ...head, list: id, bits: new Uint32Array(c.grams) });
        }
      };
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { dataset: list.dataset, accountId: list.accountId, chunks, others },
  );
}
