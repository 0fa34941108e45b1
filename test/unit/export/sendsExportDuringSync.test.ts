import { beforeEach, describe, expect, it } from "vitest";
import { db, type Send, type SendsFilter, sendTables, storeSendPage } from "../../../src/db";
import { datasetPages } from "../../../src/export/sendPages";
import { freshDb, makeSends, V2_DATASET } from "./seed";

const START = Date.UTC(2026, 10, 1);
const key = (row: Send) => `${row.sentAt}|${row.contactId}`;

/** Stores rows as a sync does: pages of 500 in time order, one transaction each. */
async function syncPages(rows: Send[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const page = rows.slice(i, i + 500);
    await db().transaction("rw", sendTables(), async () => {
      await storeSendPage(V2_DATASET, page);
    });
  }
}

let held: Send[] = [];

beforeEach(async () => {
  await freshDb();
  // Seven chunks: more than one read's batch, so the export reads some after the sync's write.
  held = makeSends(V2_DATASET, 6_500, START);
  await syncPages(held);
});

describe("an export while a sync writes to the same list", () => {
  for (const [order, contains] of [
    ["asc", undefined],
    ["desc", undefined],
    ["asc", "@"],
    ["desc", "@"],
  ] as const) {
    it(`still writes every row held when it started, once and in order (${order}${contains ? `, contains "${contains}"` : ""}), when a sync rewrites chunks meanwhile`, async () => {
      const filter: SendsFilter = { datasets: [V2_DATASET], order, ...(contains ? { contains } : {}) };
      const source = await datasetPages(V2_DATASET, filter, 100);
      const pages = source.pages[Symbol.asyncIterator]();
      const exported: Send[] = [...((await pages.next()).value ?? [])];
      // The sync's next pages: newer rows fold into the list's last chunk and older ones into its
      // first (a re-sync's overlap): both chunks get new keys.
      const newer = makeSends(V2_DATASET, 20, START + 7_000_000).map((row) => ({
        ...row,
        contactId: `n-${row.contactId}`,
      }));
      const older = held.slice(0, 3).map((row) => ({ ...row, contactId: `${row.contactId}-o` }));
      await syncPages(older);
      await syncPages(newer);
      for (let next = await pages.next(); !next.done; next = await pages.next()) exported.push(...next.value);
      const keys = exported.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      const before = new Set(held.map(key));
      expect(keys.filter((k) => before.has(k))).toHaveLength(held.length);
      const times = exported.map((row) => row.sentAt);
      const sign = order === "asc" ? 1 : -1;
      expect(times).toEqual([...times].sort((a, b) => sign * a.localeCompare(b)));
    });
  }
});
