import Papa from "papaparse";
import { expect } from "vitest";
import { db, MailroomDb, sendTables, storeSendPage, useDb } from "../../../src/db";
import type { Send } from "../../../src/db/types";
import { BOM } from "../../../src/export/csv";
import type { CsvSink, CsvText } from "../../../src/export/sinks";
import { putSends } from "../../support/sends";

export const V2_DATASET = "acc-1|v2|1100223344";
export const V3_DATASET = "acc-1|v3|5c6d7e8f-activity";

/** Values a spreadsheet would run, or a naive CSV writer would break on. */
export const HOSTILE = [
  "=cmd|' /C calc'!A0",
  "+1",
  "-2",
  "@SUM(A1)",
  "\tleading tab",
  "\rleading CR",
  'quote " inside',
  "comma, inside",
  "new\nline",
  "<script>alert(1)</script>",
  "Zoë 山田 🦄 שלום",
];

let counter = 0;

/** A fresh database per test, so seeds never leak between tests. */
export async function freshDb(): Promise<MailroomDb> {
  counter += 1;
  const next = useDb(new MailroomDb(`export-test-${counter}-${Date.now()}`));
  await next.open();
  return next;
}

/**
 * `count` sends of one list. Every third row shares its sent time with the row before, so the key's
 * contactId tiebreak matters; hostile values are spread over names and emails.
 */
export function makeSends(dataset: string, count: number, startMs: number): Send[] {
  const v3 = dataset.includes("|v3|");
  const rows: Send[] = [];
  for (let i = 0; i < count; i++) {
    const hostile = i % 7 === 0 ? HOSTILE[(i / 7) % HOSTILE.length] : undefined;
    // v2 rows carry the hostile value in the email (they have no names), v3 rows in the first name.
    const email = hostile && !v3 ? `${hostile}${i}@example.com` : `user${i}@example.com`;
    const firstName = v3 ? (hostile ?? `First${i}`) : undefined;
    const lastName = v3 && i % 5 !== 0 ? `Last${i % 97}` : undefined;
    const sentAt = new Date(startMs + (i - (i % 3 === 2 ? 1 : 0)) * 1000).toISOString();
    rows.push({
      dataset,
      contactId: `c${String(i).padStart(6, "0")}`,
      email,
      firstName,
      lastName,
      sentAt,
      deletedAt: v3 && i % 11 === 0 ? "2026-11-20T08:00:00.000Z" : undefined,
      campaignId: v3 ? undefined : dataset.split("|")[2],
      campaignActivityId: v3 ? dataset.split("|")[2] : undefined,
    });
  }
  return rows;
}

/** Stores the rows as a sync does, in chunks of their lists. */
export function seed(rows: Send[]): Promise<void> {
  return putSends(rows);
}

/** A sink that keeps every chunk, for reading the output back. */
/** A page's text as one string (bytes decoded now: their buffer is reused after the write). */
export function textOf(text: CsvText | undefined): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  if ("bytes" in text) return new TextDecoder().decode(text.bytes);
  return text.join("");
}

export function memorySink(): CsvSink & { text(): string; aborted: boolean } {
  const chunks: string[] = [];
  const sink = {
    aborted: false,
    text: () => chunks.join(""),
    write: async (text: CsvText) => {
      chunks.push(textOf(text));
    },
    close: async () => ({ chars: chunks.join("").length }),
    abort: async () => {
      sink.aborted = true;
    },
  };
  return sink;
}

/** Parses with papaparse (RFC 4180, CRLF), checks there was a BOM, and drops the final empty line. */
export function parseCsv(text: string, bom = true): string[][] {
  expect(text.startsWith(BOM)).toBe(bom);
  const result = Papa.parse<string[]>(bom ? text.slice(1) : text, { delimiter: ",", newline: "\r\n" });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  expect(rows.at(-1)).toEqual([""]);
  return rows.slice(0, -1);
}

/** Undoes the guard's `'` only where the original value began with a dangerous character. */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Stores rows as a sync does: pages of 500 in time order, one transaction each. */
export async function syncPages(dataset: string, rows: Send[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const page = rows.slice(i, i + 500);
    await db().transaction("rw", sendTables(), async () => {
      await storeSendPage(dataset, page);
    });
  }
}
