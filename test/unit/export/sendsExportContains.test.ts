import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SendsFilter } from "../../../src/db";
import { MAX_CHUNK_ROWS } from "../../../src/db/sendStore/chunk";
import { EXPORT_BATCH_CHUNKS } from "../../../src/db/sendStore/exportRead";
import { startsLikeFormula } from "../../../src/export/csv";
import { sendsPages } from "../../../src/export/mergePages";
import { runExport } from "../../../src/export/runExport";
import { datasetPages } from "../../../src/export/sendPages";
import { freshDb, memorySink, parseCsv, seed, unguard, V2_DATASET, V3_DATASET } from "./seed";
import { ALL, collect, expected, spyReads, v2Cells, v3Cells } from "./sendsFixture";

beforeAll(async () => {
  await freshDb();
  await seed(ALL);
}, 60_000);
afterEach(() => vi.restoreAllMocks());

describe("exporting an 'Email or name contains' filter", () => {
  it("applies 'contains' to any part of the email or the name, in time order, a chunk at a time", async () => {
    for (const contains of [" USER1", "0@EXAMPLE", "ast4"]) {
      const reads = spyReads();
      const sink = memorySink();
      const filter: SendsFilter = { datasets: [V3_DATASET], order: "asc", contains };
      const outcome = await runExport({ kind: "sends", filter, pageSize: 250, formulaGuard: false }, sink);
      const [, ...rows] = parseCsv(sink.text());
      const want = expected(filter);
      expect(want.length, contains).toBeGreaterThan(200);
      expect(rows, contains).toEqual(want.map(v3Cells));
      expect(outcome.rows).toBe(want.length);
      // Read as a browse reads (a few chunks at a time, found again if a sync rewrites one).
      expect(Math.max(...reads.chunkReads)).toBeLessThanOrEqual(EXPORT_BATCH_CHUNKS * MAX_CHUNK_ROWS);
      expect(reads.rangeReads).toBe(0);
      vi.restoreAllMocks();
    }
  });

  it("pages one list's matches within a date window in pages of the asked size, with their total", async () => {
    const filter: SendsFilter = {
      datasets: [V3_DATASET],
      order: "desc",
      contains: "first1",
      sentTo: "2026-11-01T01:00:00Z",
    };
    const source = await datasetPages(V3_DATASET, filter, 100);
    const rows = await collect(source.pages, 100);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows).toEqual(expected(filter));
    expect(source.total).toBe(rows.length);
  });

  it("merges several lists' matches by time, both orders, with the exact total", async () => {
    for (const order of ["asc", "desc"] as const) {
      const filter: SendsFilter = {
        datasets: [V2_DATASET, V3_DATASET],
        order,
        contains: "3@example.COM",
        sentFrom: "2026-11-01T00:20:00.000Z",
        sentTo: "2026-11-01T01:40:00.000Z",
      };
      const merged = await sendsPages(filter, 64);
      const rows = await collect(merged.pages, 64);
      const want = expected(filter);
      expect(new Set(want.map((row) => row.dataset)).size).toBe(2);
      expect(rows).toEqual(want);
      expect(merged.total).toBe(want.length);
    }
  });

  it("writes exactly the rows a 'contains' filter shows, Excel-safe", async () => {
    // Hostile emails (=cmd…, +1…, @SUM…) that match the middle part "1@example".
    const filter: SendsFilter = { datasets: [V2_DATASET], order: "desc", contains: "1@example" };
    const sink = memorySink();
    const outcome = await runExport({ kind: "sends", filter }, sink);
    const [, ...rows] = parseCsv(sink.text());
    const want = expected(filter);
    expect(rows.map((row) => row.map(unguard))).toEqual(want.map(v2Cells));
    expect(outcome.rows).toBe(want.length);
    const cells = rows.flat();
    expect(cells.filter(startsLikeFormula)).toEqual([]);
    expect(cells.filter((cell) => cell.startsWith("'")).length).toBeGreaterThan(5);
  });
});
