import { db } from "../db";
import { normalisePrefix } from "../sendsFilter";
import type { Send } from "../types";
import { datasetBounds } from "./sends";

// The Sends screen PAGES through a send list instead of scrolling it, by design: a page is one
// small IndexedDB range read wherever it is (first, last, or the middle of 1,000,000 rows), the
// last row is one click away, a position is a key (so it does not drift while a sync adds rows),
// and no scroll height limit or scroll-to-index mapping is involved. See SendsView for the rest.

export type SendKey = [string, string, string];

/** Where a page starts: an end of the list, or just past a row already shown. */
export type SendsCursor =
  | { kind: "first" }
  | { kind: "last" }
  | { kind: "after"; key: SendKey }
  | { kind: "before"; key: SendKey };

export interface SendsQuery {
  dataset: string;
  prefix: string;
  sentFrom?: string;
  sentTo?: string;
  order: "asc" | "desc";
}

export interface SendsPage {
  rows: Send[];
  hasPrevious: boolean;
  hasNext: boolean;
  /** Known exactly in prefix mode (the matches were counted); browse mode counts separately. */
  total?: number;
}

export function keyOf(row: Send): SendKey {
  return [row.dataset, row.sentAt, row.contactId];
}

/** A "from" after the "to" matches nothing (and IndexedDB refuses such a range). */
function isEmptyRange(q: SendsQuery): boolean {
  return q.sentFrom !== undefined && q.sentTo !== undefined && q.sentFrom > q.sentTo;
}

function rangeBounds(q: SendsQuery): [unknown[], unknown[]] {
  const [lower, upper] = datasetBounds(q.dataset);
  return [q.sentFrom ? [q.dataset, q.sentFrom] : lower, q.sentTo ? [q.dataset, q.sentTo, upper[1]] : upper];
}

/** The rows in time order `direction`, strictly past `from` when given: one bounded range read. */
function readRun(q: SendsQuery, direction: "asc" | "desc", from: SendKey | undefined, limit: number) {
  const [lower, upper] = rangeBounds(q);
  const pk = db().sends.where("[dataset+sentAt+contactId]");
  if (direction === "asc") {
    return pk
      .between(from ?? lower, upper, from === undefined, true)
      .limit(limit)
      .toArray();
  }
  return pk
    .between(lower, from ?? upper, true, from === undefined)
    .reverse()
    .limit(limit)
    .toArray();
}

const flip = (order: "asc" | "desc") => (order === "asc" ? "desc" : "asc");

/** Browse mode: keyset paging on the primary key, whose order is time order. */
async function browsePage(q: SendsQuery, cursor: SendsCursor, size: number): Promise<SendsPage> {
  const forward = cursor.kind === "first" || cursor.kind === "after";
  const direction = forward ? q.order : flip(q.order);
  const from = cursor.kind === "after" || cursor.kind === "before" ? cursor.key : undefined;
  const run = await readRun(q, direction, from, size + 1);
  const more = run.length > size;
  const rows = run.slice(0, size);
  if (!forward) rows.reverse();
  // The other side holds rows unless the page starts at an end of the list: one keys-only probe.
  const edge = rows[forward ? 0 : rows.length - 1];
  const otherSide = edge
    ? (await readRun(q, forward ? flip(q.order) : q.order, keyOf(edge), 1)).length > 0
    : false;
  return forward
    ? { rows, hasNext: more, hasPrevious: otherSide }
    : { rows, hasPrevious: more, hasNext: otherSide };
}

function compareKeys(a: SendKey, b: SendKey): number {
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/**
 * Prefix mode: the primary keys of the email-prefix and name-prefix matches (two index range
 * reads of keys only, bounded by the matches, never the whole list), merged in time order; the
 * page's rows are then fetched by key.
 */
async function prefixPage(q: SendsQuery, cursor: SendsCursor, size: number): Promise<SendsPage> {
  const prefix = normalisePrefix(q.prefix);
  const range = (index: string) =>
    db()
      .sends.where(index)
      .between([q.dataset, prefix], [q.dataset, `${prefix}\uffff`], true, true)
      .primaryKeys() as Promise<SendKey[]>;
  const [byEmail, byName] = await Promise.all([range("[dataset+emailKey]"), range("[dataset+nameKey]")]);
  const unique = new Map<string, SendKey>();
  for (const key of [...byEmail, ...byName]) {
    if (q.sentFrom && key[1] < q.sentFrom) continue;
    if (q.sentTo && key[1] > q.sentTo) continue;
    unique.set(`${key[1]}\u0000${key[2]}`, key);
  }
  const keys = [...unique.values()].sort(compareKeys);
  if (q.order === "desc") keys.reverse();
  const sign = q.order === "asc" ? 1 : -1;
  const position = (key: SendKey) => keys.findIndex((k) => sign * compareKeys(k, key) > 0);
  let start = 0;
  if (cursor.kind === "last") start = Math.max(0, keys.length - size);
  if (cursor.kind === "after") start = position(cursor.key) === -1 ? keys.length : position(cursor.key);
  if (cursor.kind === "before") {
    const at = keys.findIndex((k) => sign * compareKeys(k, cursor.key) >= 0);
    start = Math.max(0, (at === -1 ? keys.length : at) - size);
  }
  const pageKeys = keys.slice(start, start + size);
  const rows = (await db().sends.bulkGet(pageKeys)).filter((row): row is Send => row !== undefined);
  return { rows, hasPrevious: start > 0, hasNext: start + size < keys.length, total: keys.length };
}

/** One page of a send list under a filter, read with one or two small IndexedDB range reads. */
export async function readSendsPage(q: SendsQuery, cursor: SendsCursor, size: number): Promise<SendsPage> {
  if (isEmptyRange(q)) return { rows: [], hasPrevious: false, hasNext: false, total: 0 };
  return normalisePrefix(q.prefix) === "" ? browsePage(q, cursor, size) : prefixPage(q, cursor, size);
}

/** Rows in browse mode: a count over the key range, which IndexedDB answers without reading rows. */
export async function countSendsInRange(q: SendsQuery): Promise<number> {
  if (isEmptyRange(q)) return 0;
  const [lower, upper] = rangeBounds(q);
  return db().sends.where("[dataset+sentAt+contactId]").between(lower, upper, true, true).count();
}
