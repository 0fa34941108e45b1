import Dexie from "dexie";
import { db } from "../db/db";
import { normalisePrefix, type SendsFilter } from "../db/sendsFilter";
import type { Send } from "../db/types";

/** Rows per read: large enough that IndexedDB's per-request cost vanishes, small enough to hold a few. */
export const DEFAULT_PAGE_SIZE = 5_000;

/**
 * Above this many matching keys a prefix export scans the time range instead of sorting the keys
 * it found through the email and name indexes: a list of keys must stay a few megabytes at most.
 */
export const PREFIX_KEYS_LIMIT = 100_000;

type SendKey = [string, string, string];
const PRIMARY = "[dataset+sentAt+contactId]";

export function sendKey(row: Send): SendKey {
  return [row.dataset, row.sentAt, row.contactId];
}

/** Bounds of one send list's time window on the primary key; `sentTo` is inclusive. */
function timeBounds(dataset: string, filter: SendsFilter): { lower: unknown[]; upper: unknown[] } {
  return {
    // A shorter array sorts before every longer one with the same start, and an array after every string.
    lower: filter.sentFrom === undefined ? [dataset] : [dataset, filter.sentFrom],
    upper: filter.sentTo === undefined ? [dataset, Dexie.maxKey] : [dataset, filter.sentTo, Dexie.maxKey],
  };
}

/** How many rows of one send list the filter's time window holds (no prefix). */
export function countTimeWindow(dataset: string, filter: SendsFilter): Promise<number> {
  const { lower, upper } = timeBounds(dataset, filter);
  return db().sends.where(PRIMARY).between(lower, upper, true, true).count();
}

/**
 * One send list in time order, `pageSize` rows per read, each read starting strictly after the
 * last key of the one before (keyset paging): no offset, no whole-table read, and rows written by
 * a sync meanwhile neither repeat nor shift the pages.
 */
export async function* timeWindowPages(
  dataset: string,
  filter: SendsFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<Send[]> {
  const { lower, upper } = timeBounds(dataset, filter);
  const ascending = filter.order === "asc";
  let after: unknown[] | undefined;
  for (;;) {
    const sends = db().sends.where(PRIMARY);
    const page = ascending
      ? await sends
          .between(after ?? lower, upper, after === undefined, true)
          .limit(pageSize)
          .toArray()
      : await sends
          .between(lower, after ?? upper, true, after === undefined)
          .reverse()
          .limit(pageSize)
          .toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = sendKey(page[page.length - 1]!);
  }
}

/** A prefix that also keeps the rows the text filter keeps (email or name starts with it). */
export function prefixMatcher(filter: SendsFilter): (row: Send) => boolean {
  const prefix = normalisePrefix(filter.prefix);
  return (row) => row.emailKey.startsWith(prefix) || row.nameKey.startsWith(prefix);
}

function prefixRange(index: "[dataset+emailKey]" | "[dataset+nameKey]", dataset: string, prefix: string) {
  return db()
    .sends.where(index)
    .between([dataset, prefix], [dataset, `${prefix}\uffff`], true, true);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The primary keys of the rows whose email or name starts with the prefix, through both indexes. */
export async function prefixKeys(dataset: string, filter: SendsFilter): Promise<SendKey[] | "too many"> {
  const prefix = normalisePrefix(filter.prefix);
  const byEmail = prefixRange("[dataset+emailKey]", dataset, prefix);
  const byName = prefixRange("[dataset+nameKey]", dataset, prefix);
  const [emailCount, nameCount] = await Promise.all([byEmail.count(), byName.count()]);
  if (emailCount + nameCount > PREFIX_KEYS_LIMIT) return "too many";
  const [emailKeys, nameKeys] = await Promise.all([byEmail.primaryKeys(), byName.primaryKeys()]);
  const inWindow = (key: SendKey) =>
    (filter.sentFrom === undefined || key[1] >= filter.sentFrom) &&
    (filter.sentTo === undefined || key[1] <= filter.sentTo);
  const unique = new Map<string, SendKey>();
  for (const key of [...emailKeys, ...nameKeys] as SendKey[]) {
    if (inWindow(key)) unique.set(`${key[1]}\u0000${key[2]}`, key);
  }
  const sign = filter.order === "asc" ? 1 : -1;
  // Same dataset: key order is sentAt then contactId, and IndexedDB compares strings as JS does.
  return [...unique.values()].sort((a, b) => sign * (compareText(a[1], b[1]) || compareText(a[2], b[2])));
}

/** Rows for keys already in order, fetched `pageSize` at a time. */
export async function* keyPages(keys: SendKey[], pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<Send[]> {
  for (let start = 0; start < keys.length; start += pageSize) {
    const rows = await db().sends.bulkGet(keys.slice(start, start + pageSize));
    // A row deleted since the keys were read is simply no longer there to export.
    yield rows.filter((row): row is Send => row !== undefined);
  }
}

/** Time-ordered pages of a time window with the prefix applied in memory (the many-matches case). */
export async function* filteredPages(
  dataset: string,
  filter: SendsFilter,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<Send[]> {
  const matches = prefixMatcher(filter);
  for await (const page of timeWindowPages(dataset, filter, pageSize)) {
    const kept = page.filter(matches);
    if (kept.length > 0) yield kept;
  }
}
