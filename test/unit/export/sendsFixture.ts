import { expect, vi } from "vitest";
import { db, matchesSendsFilter, type SendsFilter } from "../../../src/db";
import type { Send } from "../../../src/db/types";
import { makeSends, V2_DATASET, V3_DATASET } from "./seed";

// The rows both send export test files seed, and what an export of them must hold.
export const V2_ROWS = makeSends(V2_DATASET, 7_000, Date.UTC(2026, 10, 1));
export const V3_ROWS = makeSends(V3_DATASET, 5_345, Date.UTC(2026, 10, 1, 0, 30));
export const ALL = [...V2_ROWS, ...V3_ROWS];

export function expected(filter: SendsFilter): Send[] {
  const sign = filter.order === "asc" ? 1 : -1;
  const key = (row: Send) => `${row.sentAt}\u0000${row.dataset}\u0000${row.contactId}`;
  return ALL.filter((row) => matchesSendsFilter(row, filter)).sort(
    (a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

export const v2Cells = (row: Send) => ["EMAIL_SEND", "1100223344", row.contactId, row.email, row.sentAt];
export const v3Cells = (row: Send) => [
  row.contactId,
  "5c6d7e8f-activity",
  row.email,
  row.firstName ?? "",
  row.lastName ?? "",
  row.sentAt,
  row.deletedAt ?? "",
];

/**
 * Records how many sends every IndexedDB read of the store returned (a chunk counts its rows; a
 * bulkGet is one read, a cursor is one read of every value it landed on), and
 * whether any read took a whole range of chunks or texts at once (a collection's toArray).
 */
export function spyReads(): { chunkReads: number[]; textReads: number[]; rangeReads: number } {
  const reads = { chunkReads: [] as number[], textReads: [] as number[], rangeReads: 0 };
  const rowsOf = (found: unknown[]) =>
    found.reduce<number>((n, item) => n + ((item as { rows?: number } | undefined)?.rows ?? 0), 0);
  const table = Object.getPrototypeOf(db().sendChunks);
  const bulkGet = table.bulkGet;
  vi.spyOn(table, "bulkGet").mockImplementation(async function (this: { name: string }, ...args: unknown[]) {
    const found = await bulkGet.apply(this, args);
    if (this.name === "sendChunks") reads.chunkReads.push(rowsOf(found));
    if (this.name === "sendText") reads.textReads.push(rowsOf(found));
    return found;
  });
  // The export reads with a cursor per store and batch (chunkCursor.ts): one read each, counting
  // every value it lands on.
  const openCursor = IDBObjectStore.prototype.openCursor;
  vi.spyOn(IDBObjectStore.prototype, "openCursor").mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore["openCursor"]>
  ) {
    const request = openCursor.apply(this, args);
    const counts = { sendChunks: reads.chunkReads, sendText: reads.textReads }[this.name];
    if (!counts) return request;
    const at = counts.push(0) - 1;
    request.addEventListener("success", () => {
      counts[at] = (counts[at] ?? 0) + ((request.result?.value as { rows?: number } | undefined)?.rows ?? 0);
    });
    return request;
  });
  const collection = Object.getPrototypeOf(db().sendChunks.toCollection());
  const toArray = collection.toArray;
  vi.spyOn(collection, "toArray").mockImplementation(async function (this: unknown, ...args: unknown[]) {
    const found: unknown = await toArray.apply(this, args);
    if (
      Array.isArray(found) &&
      found.some((item) => typeof item === "object" && item !== null && "firstMs" in item)
    )
      reads.rangeReads++;
    return found;
  });
  return reads;
}

/** Every page of a stream, checking none is larger than `pageSize` and only the last is smaller. */
export async function collect(pages: AsyncIterable<Send[]>, pageSize: number): Promise<Send[]> {
  const sizes: number[] = [];
  const rows: Send[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    rows.push(...page);
  }
  expect(sizes.slice(0, -1).every((size) => size === pageSize)).toBe(true);
  expect(sizes.every((size) => size > 0 && size <= pageSize)).toBe(true);
  return rows;
}
