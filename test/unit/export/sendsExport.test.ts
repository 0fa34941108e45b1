import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type SendsFilter } from "../../../src/db";
import { MAX_CHUNK_ROWS } from "../../../src/db/sendStore/chunk";
import { unpackId } from "../../../src/db/sendStore/contactIds";
import { chunkSourceOf, EXPORT_BATCH_CHUNKS } from "../../../src/db/sendStore/exportRead";
import { findList } from "../../../src/db/sendStore/lists";
import { startsLikeFormula } from "../../../src/export/csv";
import { runExport } from "../../../src/export/runExport";
import { freshDb, memorySink, parseCsv, seed, unguard, V2_DATASET, V3_DATASET } from "./seed";
import { ALL, expected, spyReads, v2Cells } from "./sendsFixture";

beforeAll(async () => {
  await freshDb();
  await seed(ALL);
}, 60_000);
afterEach(() => vi.restoreAllMocks());

describe("exporting one v2 send list", () => {
  it("writes the report's own columns, every row in time order, reading at most one page at a time", async () => {
    const list = await findList(V2_DATASET);
    const chunks = await db()
      .sendChunks.filter((chunk) => chunk.list === list)
      .count();
    const reads = spyReads();
    const sink = memorySink();
    const progress: [number, number | undefined][] = [];
    const filter: SendsFilter = { datasets: [V2_DATASET], order: "asc" };
    const outcome = await runExport({ kind: "sends", filter, pageSize: 1_000 }, sink, {
      onProgress: (rows, total) => progress.push([rows, total]),
    });
    const [header, ...rows] = parseCsv(sink.text());
    expect(header).toEqual(["activity_type", "campaign_id", "contact_id", "email_address", "send_date"]);
    expect(rows.map((row) => row.map(unguard))).toEqual(expected(filter).map(v2Cells));
    expect(outcome.rows).toBe(7_000);
    expect(progress.at(-1)).toEqual([7_000, 7_000]);
    // Chunks are read a batch at a time, each once (the list is one batch: see the next test).
    expect(reads.chunkReads.length).toBe(Math.ceil(chunks / EXPORT_BATCH_CHUNKS));
    expect(Math.max(...reads.chunkReads)).toBeLessThanOrEqual(EXPORT_BATCH_CHUNKS * MAX_CHUNK_ROWS);
    expect(reads.chunkReads.reduce((a, b) => a + b, 0)).toBe(7_000);
    expect(reads.rangeReads).toBe(0);
  });

  it("reads a list longer than one batch in one transaction per batch, each chunk once, in order", async () => {
    const reads = spyReads();
    const source = await chunkSourceOf(V2_DATASET, { order: "asc", batch: 2 });
    const contactIds: string[] = [];
    for await (const _batch of source.visit(({ chunk, rows }) => {
      for (const i of rows) contactIds.push(unpackId(chunk.ids, i));
    }));
    expect(source.total).toBe(7_000);
    expect(contactIds).toEqual(
      expected({ datasets: [V2_DATASET], order: "asc" }).map((row) => row.contactId),
    );
    expect(reads.chunkReads.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...reads.chunkReads)).toBeLessThanOrEqual(2 * MAX_CHUNK_ROWS);
    expect(reads.chunkReads.reduce((a, b) => a + b, 0)).toBe(7_000);
    expect(reads.textReads).toHaveLength(reads.chunkReads.length);
  });

  it("never writes a cell that starts like a formula while the guard is on", async () => {
    const sink = memorySink();
    await runExport({ kind: "sends", filter: { datasets: [V2_DATASET], order: "desc" } }, sink);
    const cells = parseCsv(sink.text()).flat();
    expect(cells.filter(startsLikeFormula)).toEqual([]);
    expect(cells.filter((cell) => cell.startsWith("'")).length).toBeGreaterThan(100);
  });

  it("writes raw values without the BOM when both are turned off, newest first for desc", async () => {
    const sink = memorySink();
    const filter: SendsFilter = { datasets: [V2_DATASET], order: "desc" };
    await runExport({ kind: "sends", filter, bom: false, formulaGuard: false, pageSize: 999 }, sink);
    const [, ...rows] = parseCsv(sink.text(), false);
    expect(rows).toEqual(expected(filter).map(v2Cells));
    expect(rows.flat().some(startsLikeFormula)).toBe(true);
  });
});

describe("exporting with the Sends screen's filters", () => {
  it("merges two lists by time with a campaign column named from the cache, within the date window", async () => {
    await db().campaigns.put({
      accountId: "acc-1",
      generation: "v2",
      campaignId: "1100223344",
      name: 'Spring, "sale"',
      status: "SENT",
      fetchedAt: 0,
      raw: {},
    });
    const reads = spyReads();
    const sink = memorySink();
    const filter: SendsFilter = {
      datasets: [V2_DATASET, V3_DATASET],
      order: "desc",
      sentFrom: "2026-11-01T00:40:00.000Z",
      sentTo: "2026-11-01T01:20:00.000Z",
    };
    const columns = ["campaign", "contact_id", "email_address", "send_date", "first_name"];
    const outcome = await runExport(
      { kind: "sends", filter, columns, pageSize: 500, formulaGuard: false },
      sink,
    );
    const [header, ...rows] = parseCsv(sink.text());
    expect(header).toEqual(columns);
    const want = expected(filter);
    expect(want.length).toBeGreaterThan(2_000);
    expect(rows).toEqual(
      want.map((row) => [
        row.dataset === V2_DATASET ? 'Spring, "sale"' : "5c6d7e8f-activity",
        row.contactId,
        row.email,
        row.sentAt,
        row.firstName ?? "",
      ]),
    );
    expect(outcome.rows).toBe(want.length);
    expect(Math.max(...reads.chunkReads)).toBeLessThanOrEqual(EXPORT_BATCH_CHUNKS * MAX_CHUNK_ROWS);
    expect(reads.rangeReads).toBe(0);
  });

  it("writes only the header for a filter that matches nothing", async () => {
    const sink = memorySink();
    const filter: SendsFilter = { datasets: [V2_DATASET], order: "asc", contains: "nobody-here" };
    const outcome = await runExport({ kind: "sends", filter }, sink);
    expect(parseCsv(sink.text())).toEqual([
      ["activity_type", "campaign_id", "contact_id", "email_address", "send_date"],
    ]);
    expect(outcome.rows).toBe(0);
  });
});

describe("stopping an export", () => {
  it("stops at the next page when cancelled, discards the output and rejects with an AbortError", async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const job = {
      kind: "sends" as const,
      filter: { datasets: [V2_DATASET], order: "asc" as const },
      pageSize: 500,
    };
    const run = runExport(job, sink, {
      signal: controller.signal,
      onProgress: (rows) =>
        rows >= 1_500 && controller.abort(new DOMException("Export cancelled", "AbortError")),
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(sink.aborted).toBe(true);
    expect(sink.text().split("\r\n").length).toBeLessThanOrEqual(2_002);
  });

  it("refuses an unknown column before reading anything", async () => {
    const sink = memorySink();
    const job = {
      kind: "sends" as const,
      filter: { datasets: [V2_DATASET], order: "asc" as const },
      columns: ["nope"],
    };
    await expect(runExport(job, sink)).rejects.toThrow("Unknown export column: nope");
    expect(sink.aborted).toBe(true);
  });
});
