import { beforeEach, describe, expect, it } from "vitest";
import type { Send, SendsFilter } from "../../../src/db";
import { chunkTextPages } from "../../../src/export/chunkPages";
import { freshDb, makeSends, syncPages, textOf, V2_DATASET } from "./seed";

const START = Date.UTC(2026, 10, 1);
const key = (row: { sentAt: string; contactId: string }) => `${row.sentAt}|${row.contactId}`;

let held: Send[] = [];

beforeEach(async () => {
  await freshDb();
  // Thirteen chunks: past the batch read first and the one read ahead while it is written.
  held = makeSends(V2_DATASET, 12_500, START);
  await syncPages(V2_DATASET, held);
});

const columns = {
  ids: ["contact_id", "send_date"],
  context: { campaignName: (d: string) => d },
  formulaGuard: false,
};

describe("an export from the store's chunks while a sync writes to the same list", () => {
  for (const [order, contains] of [
    ["asc", undefined],
    ["desc", undefined],
    ["asc", "@"],
    ["desc", "@"],
  ] as const) {
    it(`writes every row held when it started, once and in order (${order}${contains ? `, contains "${contains}"` : ""}), when a sync rewrites chunks not yet read`, async () => {
      const filter: SendsFilter = { datasets: [V2_DATASET], order, ...(contains ? { contains } : {}) };
      const source = await chunkTextPages(V2_DATASET, filter, columns, 100);
      const pages = source.pages[Symbol.asyncIterator]();
      let text = textOf((await pages.next()).value?.text);
      // Rows folded into chunks near both ends (read last in one order or the other) give those
      // chunks new keys after the export read their old ones.
      const middle = held.slice(10_000, 10_003).map((row) => ({ ...row, contactId: `${row.contactId}-m` }));
      const newer = makeSends(V2_DATASET, 20, START + 13_000_000).map((row) => ({
        ...row,
        contactId: `n-${row.contactId}`,
      }));
      const older = held.slice(0, 3).map((row) => ({ ...row, contactId: `${row.contactId}-o` }));
      await syncPages(V2_DATASET, middle);
      await syncPages(V2_DATASET, older);
      await syncPages(V2_DATASET, newer);
      for (let next = await pages.next(); !next.done; next = await pages.next())
        text += textOf(next.value.text);
      const exported = text
        .split("\r\n")
        .slice(0, -1)
        .map((line) => {
          const [contactId = "", sentAt = ""] = line.split(",");
          return { contactId, sentAt };
        });
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
