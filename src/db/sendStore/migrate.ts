import Dexie, { type Transaction } from "dexie";
import { encodeChunk, MAX_CHUNK_ROWS, type TimedSend } from "./chunk";
import { newStamp } from "./keyCache";
import { SHOWN_COPY } from "./lists";

/**
 * A v1 row: one send, keyed [dataset+sentAt+contactId]. Written out, not derived from Send: what
 * v1 databases hold does not change when Send does.
 */
interface V1Send {
  dataset: string;
  contactId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  sentAt: string;
  deletedAt?: string;
  /** Stamped by a "Sync everything again" that had not finished. */
  copy?: number;
}

/** v1 rows read per request while migrating: bounded memory at any size. */
const READ = 5_000;

/**
 * Schema v2's upgrade: every v1 send moves into chunks of its list, in the one upgrade
 * transaction (all or nothing: a closed tab leaves v1 as it was, and the next open starts over).
 * v1 rows come in key order (dataset, then time), so each list's chunks are cut in order with no
 * merging. A "Sync everything again" that was under way keeps going: the rows its copy had stored
 * also go to its copy's list, and the list shown keeps every row, as v1 showed them.
 */
export async function migrateSendsToChunks(tx: Transaction): Promise<void> {
  const sends = tx.table<V1Send>("sends");
  let after: unknown[] | undefined;
  let current: { dataset: string; lists: Map<number, { id: number; rows: TimedSend[] }> } | undefined;
  for (;;) {
    const rows = await sends
      .where(":id")
      .between(after ?? Dexie.minKey, Dexie.maxKey, after === undefined, true)
      .limit(READ)
      .toArray();
    for (const row of rows) {
      if (current?.dataset !== row.dataset) {
        if (current) await flush(tx, current.lists, 0);
        current = { dataset: row.dataset, lists: await listsFor(tx, row.dataset) };
      }
      const timed: TimedSend = { ...withoutV1Fields(row), ms: Date.parse(row.sentAt) };
      for (const [copy, list] of current.lists) {
        if (copy === SHOWN_COPY || row.copy === copy) list.rows.push(timed);
      }
      await flush(tx, current.lists, MAX_CHUNK_ROWS);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < READ) break;
    after = [last.dataset, last.sentAt, last.contactId];
  }
  if (current) await flush(tx, current.lists, 0);
}

function withoutV1Fields(row: V1Send): Omit<TimedSend, "ms"> {
  const send: Omit<TimedSend, "ms"> = { contactId: row.contactId, email: row.email, sentAt: row.sentAt };
  if (row.firstName) send.firstName = row.firstName;
  if (row.lastName) send.lastName = row.lastName;
  if (row.deletedAt) send.deletedAt = row.deletedAt;
  return send;
}

/** The shown list of a dataset and, while a resync was under way, the list of its copy. */
async function listsFor(
  tx: Transaction,
  dataset: string,
): Promise<Map<number, { id: number; rows: TimedSend[] }>> {
  const state = (await tx.table("syncState").get(dataset)) as
    | { accountId: string; resyncCopy?: number }
    | undefined;
  const accountId = state?.accountId ?? dataset.split("|")[0] ?? "";
  const copies = [SHOWN_COPY, ...(state?.resyncCopy !== undefined ? [state.resyncCopy] : [])];
  const lists = new Map<number, { id: number; rows: TimedSend[] }>();
  for (const copy of copies) {
    const id = (await tx.table("sendLists").add({ dataset, accountId, copy, stamp: newStamp() })) as number;
    lists.set(copy, { id, rows: [] });
  }
  return lists;
}

/** Writes the rows gathered so far as chunks once `atLeast` are waiting (0: all of them). */
async function flush(
  tx: Transaction,
  lists: Map<number, { id: number; rows: TimedSend[] }>,
  atLeast: number,
) {
  for (const list of lists.values()) {
    if (list.rows.length === 0 || list.rows.length < atLeast) continue;
    const { chunk, text } = encodeChunk(list.id, list.rows);
    await tx.table("sendChunks").add(chunk);
    await tx.table("sendText").add(text);
    list.rows = [];
  }
}
