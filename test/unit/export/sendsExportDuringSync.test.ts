import { beforeEach, describe, expect, it } from "vitest";
import type { Send, SendsFilter } from "../../../src/db";
import { datasetPages } from "../../../src/export/sendPages";
import { freshDb, makeSends, syncPages, V2_DATASET } from "./seed";

const START = Date.UTC(2026, 10, 1);
const key = (row: Send) => `${row.sentAt}|${row.contactId}`;

let held: Send[] = [];

beforeEach(async () => {
  await freshDb();
  // Seven chunks: more than one read's batch, so the export reads some after the sync's write.
  held = makeSends(V2_DATASET, 6_500, START);
  await syncPages(V2_DATASET, held);
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
      await syncPages(V2_DATASET, older);
      await syncPages(V2_DATASET, newer);
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
