import { parseSendsDatasetId } from "./datasets";
import { db } from "./db";
import type { TimedSend } from "./sendStore/chunk";
import { foldText } from "./sendStore/fold";
import { findList, listFor, SHOWN_COPY } from "./sendStore/lists";
import { chunkKeysIn, countIn, newestMs, type RowPosition, type TimeWindow } from "./sendStore/read";
import { rowsInOrder } from "./sendStore/rowsInOrder";
import { findMatches } from "./sendStore/search";
import { warmTexts } from "./sendStore/textCache";
import { storeSends } from "./sendStore/write";
import type { Send } from "./types";

/** The tables a write of sends spans (with syncState and accounts, added by the caller). */
export function sendTables() {
  const database = db();
  return [database.sendLists, database.sendChunks, database.sendText, database.sendGrams];
}

/** A stored send as the screens and the export see it: with its list and campaign. */
export function toSend(dataset: string, row: TimedSend): Send {
  return sendsOfList(dataset)(row);
}

/** toSend for many rows of one list: the dataset id is parsed once, not once a row. */
export function sendsOfList(dataset: string): (row: TimedSend) => Send {
  const { generation, reportId } = parseSendsDatasetId(dataset);
  // Field by field, not spread: an export converts a million of these.
  return (row) => {
    const send: Send = { dataset, contactId: row.contactId, email: row.email, sentAt: row.sentAt };
    if (row.firstName !== undefined) send.firstName = row.firstName;
    if (row.lastName !== undefined) send.lastName = row.lastName;
    if (row.deletedAt !== undefined) send.deletedAt = row.deletedAt;
    if (generation === "v2") send.campaignId = reportId;
    else send.campaignActivityId = reportId;
    return send;
  };
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

/**
 * Stores a page of one send list, in the caller's transaction over sendTables(): a send already
 * held (same time and contact) is replaced, not repeated. `copy`: the "Sync everything again" copy
 * being built, if any. Returns how many sends the list gained.
 */
export async function storeSendPage(
  dataset: string,
  rows: readonly Send[],
  copy = SHOWN_COPY,
): Promise<number> {
  if (rows.length === 0) return 0;
  return storeSends(await listFor(dataset, copy), rows.map(timed));
}

export async function countSends(dataset: string, window: TimeWindow = {}): Promise<number> {
  const list = await findList(dataset);
  return list === undefined ? 0 : countIn(list, window);
}

/** The newest stored sent time of a dataset (ISO), from the last chunk's key. */
export async function newestSentAt(dataset: string): Promise<string | undefined> {
  const list = await findList(dataset);
  const ms = list === undefined ? undefined : await newestMs(list);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export interface SendReadOptions {
  order: "asc" | "desc";
  window?: TimeWindow;
  after?: RowPosition;
  /** Email or name contains (any case, accents ignored); empty or absent: every send. */
  contains?: string;
}

/** The sends of a list under a filter: how many, and the rows in order a chunk (≤ 1,000) at a time. */
export interface SendSource {
  total: number;
  pages: AsyncIterable<Send[]>;
}

/** A search is scanned once, here: its total is exact before the first row is read. */
export async function sendSourceOf(dataset: string, options: SendReadOptions): Promise<SendSource> {
  const list = await findList(dataset);
  if (list === undefined) return { total: 0, pages: (async function* () {})() };
  if (!options.contains?.trim()) {
    return {
      total: await countIn(list, options.window),
      pages: (async function* () {
        const toSend = sendsOfList(dataset);
        for await (const rows of rowsInOrder(list, options)) yield rows.map(toSend);
      })(),
    };
  }
  // Counted up front from the search text; the rows then come from the same reader as a browse,
  // which finds a chunk again when a sync rewrites it meanwhile, filtered by their search line.
  const matches = await findMatches(list, options.contains, options.window);
  const contains = foldText(options.contains);
  return {
    total: matches.total,
    pages: (async function* () {
      const toSend = sendsOfList(dataset);
      for await (const rows of rowsInOrder(list, { ...options, contains })) yield rows.map(toSend);
    })(),
  };
}

export async function* sendPagesOf(dataset: string, options: SendReadOptions): AsyncGenerator<Send[]> {
  yield* (await sendSourceOf(dataset, options)).pages;
}

/** Every send of a list, oldest first (tests and small lists). */
export async function allSendsOf(dataset: string): Promise<Send[]> {
  const all: Send[] = [];
  for await (const page of sendPagesOf(dataset, { order: "asc" })) all.push(...page);
  return all;
}

/**
 * Reads a list's search text into memory ahead of a search, so the first search over a large list
 * does not wait for the disk (the Sends screen calls it when a list opens).
 */
export async function warmSearch(dataset: string): Promise<void> {
  const list = await findList(dataset);
  if (list !== undefined) await warmTexts(await chunkKeysIn(list));
}
