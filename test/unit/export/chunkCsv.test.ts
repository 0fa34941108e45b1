import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Send, type SendsFilter } from "../../../src/db";
import { sendContext } from "../../../src/export/campaignNames";
import { SEND_COLUMNS, sendColumns } from "../../../src/export/columns";
import { BOM, CRLF, csvField } from "../../../src/export/csv";
import { sendsPages } from "../../../src/export/mergePages";
import { runExport, serialisePage } from "../../../src/export/runExport";
import type { CsvText } from "../../../src/export/sinks";
import { freshDb, HOSTILE, memorySink, seed, textOf } from "./seed";

// The chunk path (one send list: CSV built from the store's columns) against the plain path (Send
// rows through columns.ts and serialisePage), on rows chosen to be awkward for a CSV writer.
const V2 = 'acc-1|v2|9,9"9';
const V3 = "acc-1|v3|=act;ivity";
const UUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const START = Date.UTC(2026, 10, 1);

const AWKWARD = [
  ...HOSTILE,
  "",
  " ",
  "tab\tinside",
  "semi;colon",
  "semi;=formula",
  'semi;"-quoted',
  "Müller",
  "ÉLODIE",
  "NUL\u0000start",
  "\u0000",
  '"',
  "trailing,",
  "a\r\nb",
];

function awkwardSends(dataset: string, count: number): Send[] {
  const v3 = dataset.includes("|v3|");
  return Array.from({ length: count }, (_, i) => {
    const pick = (offset: number) => AWKWARD[(i + offset) % AWKWARD.length]!;
    // Every fourth row shares its time with the one before (the contact id breaks the tie).
    const ms = START + (i - (i % 4 === 3 ? 1 : 0)) * 997;
    const row: Send = {
      dataset,
      // UUIDs (packed) mixed with ids kept as text, some of which need quotes or the guard.
      contactId: i % 3 === 0 ? UUID.replace(/^.{6}/, i.toString(16).padStart(6, "0")) : `${pick(5)}-${i}`,
      // Upper case and accents keep the email apart from its folded search line.
      email: i % 5 === 0 ? `${pick(1)}${i}@Exämple.ORG` : `user${i}@example.org`,
      sentAt: new Date(ms).toISOString(),
    };
    if (v3 && i % 6 !== 1) row.firstName = pick(2);
    if (v3 && i % 4 !== 2) row.lastName = pick(3);
    if (v3 && i % 7 === 0)
      row.deletedAt = i % 2 === 0 ? "2026-11-20T08:00:00.000Z" : "2026-11-20 08:00:00+02:00";
    if (v3 && i % 9 === 0) row.deletedAt = pick(4);
    return row;
  });
}

const ALL_COLUMNS = Object.keys(SEND_COLUMNS);

/** What the plain path writes for the same job: the Send rows of sendsPages, serialised. */
async function plainCsv(filter: SendsFilter, ids: string[], guard: boolean): Promise<string> {
  const rows: Send[] = [];
  for await (const page of (await sendsPages(filter, 1_000)).pages) rows.push(...page);
  const header = ids.map((id) => csvField(id, guard)).join(",") + CRLF;
  const context = await sendContext(filter.datasets);
  return BOM + header + serialisePage(rows, sendColumns(ids), context, guard);
}

async function chunkCsv(filter: SendsFilter, ids: string[], guard: boolean, pageSize: number) {
  const sink = memorySink();
  const outcome = await runExport(
    { kind: "sends", filter, columns: ids, formulaGuard: guard, pageSize },
    sink,
  );
  return { text: sink.text(), rows: outcome.rows };
}

beforeAll(async () => {
  await freshDb();
  await db().campaigns.put({
    accountId: "acc-1",
    generation: "v2",
    campaignId: '9,9"9',
    name: "=Spring; sale",
    status: "SENT",
    fetchedAt: 0,
    raw: {},
  });
  // Times outside years 0000-9999, which toISOString writes with a sign first ("-", a formula start).
  const farOff = ["-000001-06-01T00:00:00.000Z", "+010000-01-01T00:00:00.000Z"].map((sentAt, i) => ({
    dataset: V2,
    contactId: `far-${i}`,
    email: `far${i}@example.org`,
    sentAt,
  }));
  await seed([...awkwardSends(V2, 2_345), ...farOff, ...awkwardSends(V3, 3_210)]);
}, 60_000);

describe("a send list's CSV built from its chunks", () => {
  for (const dataset of [V2, V3]) {
    for (const guard of [true, false]) {
      it(`is byte for byte the plain path's, every column (${dataset.split("|")[1]}, guard ${guard ? "on" : "off"})`, async () => {
        for (const order of ["asc", "desc"] as const) {
          const filter: SendsFilter = { datasets: [dataset], order };
          const plain = await plainCsv(filter, ALL_COLUMNS, guard);
          const fast = await chunkCsv(filter, ALL_COLUMNS, guard, 777);
          expect(plain.split(CRLF).length).toBeGreaterThan(2_000);
          expect(fast.text).toBe(plain);
        }
      });
    }
  }

  it("is the plain path's under a window, a contains filter and another column order", async () => {
    const ids = ["deleted_at", "last_name", "email_address", "campaign", "contact_id", "created_time"];
    const filter: SendsFilter = {
      datasets: [V3],
      order: "desc",
      sentFrom: new Date(START + 300 * 997).toISOString(),
      sentTo: new Date(START + 2_900 * 997).toISOString(),
      contains: "MULLER",
    };
    const plain = await plainCsv(filter, ids, true);
    const fast = await chunkCsv(filter, ids, true, 50);
    expect(fast.rows).toBeGreaterThan(50);
    expect(fast.text).toBe(plain);
  });
});

describe("a send list's chunk pages", () => {
  it("are written one write per page of the asked size (only the last smaller), with progress after each", async () => {
    const writes: string[] = [];
    const sink = {
      ...memorySink(),
      write: async (text: CsvText) => void writes.push(textOf(text)),
    };
    const progress: number[] = [];
    const filter: SendsFilter = { datasets: [V3], order: "asc" };
    const outcome = await runExport({ kind: "sends", filter, pageSize: 777 }, sink, {
      onProgress: (rows) => progress.push(rows),
    });
    // Rows per write, as a CSV reader counts them (a quoted cell may hold a line break).
    const lines = writes.slice(1).map((text) => Papa.parse(text, { newline: CRLF }).data.length - 1);
    expect(lines.slice(0, -1).every((n) => n === 777)).toBe(true);
    expect(lines.at(-1)).toBe(3_210 % 777);
    expect(progress).toEqual([0, ...lines.map((_, i) => Math.min((i + 1) * 777, 3_210))]);
    expect(outcome.rows).toBe(3_210);
  });
});
