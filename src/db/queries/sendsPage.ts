import type { TimedSend } from "../sendStore/chunk";
import { findList, findListRow, lastListRow } from "../sendStore/lists";
import type { RowPosition, TimeWindow } from "../sendStore/read";
import { rowsInOrder } from "../sendStore/rowsInOrder";
import { findMatches, type Matches, matchedRows, positionOf } from "../sendStore/search";
import { asSearch } from "../sendStore/searchGate";
import { countSends, toSend } from "../sends";
import { windowOf } from "../sendsFilter";
import type { Send } from "../types";

// The Sends screen PAGES through a send list instead of scrolling it, by design: a page is one or
// two chunk reads wherever it is (first, last, or the middle of 1,000,000 rows), the last row is
// one click away, a position is a send (time and contact, so it does not drift while a sync adds
// rows), and no scroll height limit or scroll-to-index mapping is involved. See SendsView.

export type SendKey = [dataset: string, sentAt: string, contactId: string];

/** Where a page starts: an end of the list, or just past a row already shown. */
export type SendsCursor =
  | { kind: "first" }
  | { kind: "last" }
  | { kind: "after"; key: SendKey }
  | { kind: "before"; key: SendKey };

export interface SendsQuery {
  dataset: string;
  /** Email or name contains (any case, accents ignored); empty: every send. */
  contains: string;
  sentFrom?: string;
  sentTo?: string;
  order: "asc" | "desc";
}

export interface SendsPage {
  rows: Send[];
  hasPrevious: boolean;
  hasNext: boolean;
  /**
   * Known exactly in search mode once every match was counted; a first page found early leaves it
   * to countMatchingSends. Browse mode counts separately.
   */
  total?: number;
}

export function keyOf(row: Send): SendKey {
  return [row.dataset, row.sentAt, row.contactId];
}

const positionOfKey = (key: SendKey): RowPosition => ({ ms: Date.parse(key[1]), contactId: key[2] });
const flip = (order: "asc" | "desc") => (order === "asc" ? "desc" : "asc");
const EMPTY: SendsPage = { rows: [], hasPrevious: false, hasNext: false, total: 0 };

/** A read that may be dropped: its failure is thrown only by the caller that uses it. */
function settled<T>(read: Promise<T>): Promise<() => T> {
  return read.then(
    (value) => () => value,
    (error: unknown) => () => {
      throw error;
    },
  );
}

/** A "from" after the "to" matches nothing. */
function isEmptyRange(q: SendsQuery): boolean {
  return q.sentFrom !== undefined && q.sentTo !== undefined && q.sentFrom > q.sentTo;
}

/** A list by its number, with its stamp as its row was read for this page (keyCache.ts). */
interface ListAt {
  id: number;
  stamp?: string;
}

async function take(
  list: ListAt,
  order: "asc" | "desc",
  window: TimeWindow,
  after: RowPosition | undefined,
  n: number,
) {
  const taken: TimedSend[] = [];
  const read = { order, window, after, batch: 1, limit: n, stamp: list.stamp };
  for await (const rows of rowsInOrder(list.id, read)) taken.push(...rows);
  return taken;
}

/** Browse mode: the rows past the cursor in the read's direction, one or two chunks read. */
async function browsePage(
  list: ListAt,
  q: SendsQuery,
  cursor: SendsCursor,
  size: number,
): Promise<SendsPage> {
  const window = windowOf(q);
  const forward = cursor.kind === "first" || cursor.kind === "after";
  const direction = forward ? q.order : flip(q.order);
  const from = cursor.kind === "after" || cursor.kind === "before" ? positionOfKey(cursor.key) : undefined;
  const run = await take(list, direction, window, from, size + 1);
  const more = run.length > size;
  const rows = run.slice(0, size);
  if (!forward) rows.reverse();
  // The other side holds rows unless the page starts at an end of the list, as "first" and "last"
  // do: no second read for them (it would read and decode the same chunk again).
  const edge = rows[forward ? 0 : rows.length - 1];
  const otherSide =
    edge && from !== undefined
      ? (await take(list, forward ? flip(q.order) : q.order, window, edge, 1)).length > 0
      : false;
  const sends = rows.map((row) => toSend(q.dataset, row));
  return forward
    ? { rows: sends, hasNext: more, hasPrevious: otherSide }
    : { rows: sends, hasPrevious: more, hasNext: otherSide };
}

/**
 * Search mode: every match is found first (an exact count), then the page's rows are read from
 * the chunks holding them. Matches are numbered oldest first; a descending page counts from the end.
 */
async function searchPage(
  list: number,
  q: SendsQuery,
  cursor: SendsCursor,
  size: number,
): Promise<SendsPage> {
  // A new search shows its first page as soon as that page's matches are found; the exact count
  // follows (countMatchingSends). Any other page needs the matches' positions, so all of them.
  const early = cursor.kind === "first" ? { order: q.order, stopAfter: size + 1 } : {};
  const matches = await findMatches(list, q.contains, windowOf(q), early);
  const total = matches.total;
  const [start, end] = await ascendingRange(matches, q.order, cursor, size);
  const rows = await matchedRows(matches, start, end - start);
  if (q.order === "desc") rows.reverse();
  const hasOlder = start > 0;
  const hasNewer = end < total;
  return {
    rows: rows.map((row) => toSend(q.dataset, row)),
    hasPrevious: q.order === "asc" ? hasOlder : hasNewer,
    hasNext: q.order === "asc" ? hasNewer : hasOlder,
    ...(matches.complete ? { total } : {}),
  };
}

/** The page's matches as [start, end) in oldest-first numbering. */
async function ascendingRange(
  matches: Matches,
  order: "asc" | "desc",
  cursor: SendsCursor,
  size: number,
): Promise<[number, number]> {
  const total = matches.total;
  const fromStart = (start: number): [number, number] => [start, Math.min(total, start + size)];
  const toEnd = (end: number): [number, number] => [Math.max(0, end - size), end];
  // "first" shows the oldest matches when ascending, the newest when descending; "last" the opposite.
  if (cursor.kind === "first") return order === "asc" ? fromStart(0) : toEnd(total);
  if (cursor.kind === "last") return order === "asc" ? toEnd(total) : fromStart(0);
  const at = positionOfKey(cursor.key);
  const { before, upTo } = await positionOf(matches, at);
  // Ascending: "after" is newer (from the first match past the row); descending: older.
  const newer = (cursor.kind === "after") === (order === "asc");
  return newer ? fromStart(upTo) : toEnd(before);
}

/** One page of a send list under a filter. */
export async function readSendsPage(q: SendsQuery, cursor: SendsCursor, size: number): Promise<SendsPage> {
  if (isEmptyRange(q)) return EMPTY;
  const searching = q.contains.trim() !== "";
  // A browse page is read at once from the list's row as last read, beside the read of its row
  // now, and kept if the row is unchanged (same number and stamp, so the same keys): when the
  // screen opens, the page's thread is busy drawing it and each read waits for it, so two reads
  // in parallel cost one wait instead of two.
  const guess = searching ? undefined : lastListRow(q.dataset);
  const early =
    guess?.id !== undefined
      ? settled(browsePage({ id: guess.id, stamp: guess.stamp }, q, cursor, size))
      : undefined;
  const list = await findListRow(q.dataset);
  if (list?.id === undefined) return EMPTY;
  const { id, stamp } = list;
  if (early && stamp !== undefined && guess?.id === id && guess.stamp === stamp) return (await early)();
  // A search's page as one search (searchGate.ts): the warm-up's reads wait for its rows too.
  return searching
    ? asSearch(() => searchPage(id, q, cursor, size))
    : browsePage({ id, stamp }, q, cursor, size);
}

/** Rows in browse mode: whole chunks counted from their keys, the edge chunks read. */
export async function countSendsInRange(q: SendsQuery): Promise<number> {
  if (isEmptyRange(q)) return 0;
  return countSends(q.dataset, windowOf(q));
}

/** Search mode: every match counted (the page's own count when it stopped early). */
export async function countMatchingSends(q: SendsQuery): Promise<number> {
  if (isEmptyRange(q)) return 0;
  const list = await findList(q.dataset);
  return list === undefined ? 0 : (await findMatches(list, q.contains, windowOf(q))).total;
}
