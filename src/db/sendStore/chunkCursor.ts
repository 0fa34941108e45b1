import Dexie, { cmp } from "dexie";
import { MailroomError } from "../../core/errors";
import { db } from "../db";
import type { ChunkKey, SendChunk, SendText } from "./chunk";

/**
 * A transaction aborted by the browser (its connection closed: an upgrade, the user clearing site
 * data) reports an AbortError, which would read as the user's Cancel: it is a storage failure.
 */
function cutOff(error: DOMException | null): Error {
  if (error && error.name !== "AbortError") return error;
  return new MailroomError(
    "storage",
    "The send store stopped answering during a read (its database was closed or upgraded). Reload Mailroom and try again.",
    { cause: error },
  );
}

/** Receives a chunk and its text inside the IndexedDB event that read them; may throw to stop. */
export type UsePair = (chunk: SendChunk, text: SendText) => void;

/**
 * Reads the chunks and texts of `keys` (sorted, ascending or descending) in one read-only
 * transaction, with one cursor per store, and hands each pair to `use` inside the event that read
 * it. Why not bulkGet: a value a request returned stays alive as long as the request, and requests
 * are freed only by a full collection; a 1M-send export read that way held ~150 MB of chunks
 * waiting for one (src/export/README.md). A cursor's value is dropped as soon as it moves on.
 *
 * Resolves with the index of the first key not found (a sync replaced that chunk since its key was
 * read), or -1 when every pair was read. A chunk inserted between two keys is stepped over.
 */
export async function readChunkPairs(keys: readonly ChunkKey[], use: UsePair): Promise<number> {
  if (keys.length === 0) return -1;
  const database = db();
  await database.open();
  const first = keys[0] as ChunkKey;
  const last = keys[keys.length - 1] as ChunkKey;
  const descending = cmp(first, last) > 0;
  const range = Dexie.dependencies.IDBKeyRange.bound(descending ? last : first, descending ? first : last);
  const direction: IDBCursorDirection = descending ? "prev" : "next";
  const tx = database.backendDB().transaction(["sendChunks", "sendText"], "readonly");
  return new Promise<number>((resolve, reject) => {
    let at = 0;
    let missing = -1;
    let failure: unknown;
    // Each cursor once it has landed: on the key at `at`, or null (past it, or at the range's end).
    const landed: (IDBCursorWithValue | null | undefined)[] = [undefined, undefined];
    // Called when either cursor has landed: acts once both have.
    const step = () => {
      const [chunkCursor, textCursor] = landed;
      if (chunkCursor === undefined || textCursor === undefined) return;
      if (!chunkCursor || !textCursor) {
        missing = at;
        return;
      }
      try {
        use(chunkCursor.value as SendChunk, textCursor.value as SendText);
      } catch (error) {
        // Inside the request's event, so the transaction is still active and can be aborted.
        failure = error;
        tx.abort();
        return;
      }
      at++;
      landed[0] = landed[1] = undefined;
      if (at === keys.length) return;
      // A plain continue, not continue(key): Chromium prefetches the values of a cursor that
      // steps one by one, and the next key is nearly always the next record.
      chunkCursor.continue();
      textCursor.continue();
    };
    const open = (store: "sendChunks" | "sendText", slot: 0 | 1) => {
      const request = tx.objectStore(store).openCursor(range, direction);
      request.onsuccess = () => {
        const cursor = request.result;
        const order = cursor ? cmp(cursor.key, keys[at]) : 0;
        // A chunk a sync stored between two asked keys: stepped over.
        if (cursor && (descending ? order > 0 : order < 0)) {
          cursor.continue(keys[at]);
          return;
        }
        // Landing past the wanted key means it is gone; the pair is then not whole.
        landed[slot] = cursor && order === 0 ? cursor : null;
        step();
      };
    };
    open("sendChunks", 0);
    open("sendText", 1);
    tx.oncomplete = () => resolve(missing);
    let requestError: DOMException | null = null;
    tx.onabort = () => reject(failure ?? cutOff(requestError ?? tx.error));
    // A failed request aborts the transaction after this: its error is what onabort reports (an
    // abort for another reason fails the pending requests with AbortError, which cutOff names).
    tx.onerror = (event) => {
      requestError ??= (event.target as IDBRequest | null)?.error ?? null;
    };
  });
}
