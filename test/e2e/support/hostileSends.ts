import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Send } from "../../../src/db/types";
import { writeSendList } from "./storedSends";

// A cached v3 send list full of hostile values, written straight into the app's own stores, and
// what its CSV export must hold: the export E2E's fixture.

export const ACCOUNT = "acc-e2e";
export const ACTIVITY = "7d3c0a1e-0000-4000-8000-e2e000000001";
export const DATASET = `${ACCOUNT}|v3|${ACTIVITY}`;
export const CAMPAIGN_NAME = 'Spring "Sale", =2026';
export const ROWS = 2_345;
export const HOSTILE = [
  "=cmd|' /C calc'!A0",
  "+1",
  "-2",
  "@SUM(A1)",
  "\tleading tab",
  "\rleading CR",
  'say "cheese"',
  "Smith, Jr.",
  "two\r\nlines",
  "<script>alert(1)</script>",
  "Zoë 山田 🦄 שלום",
];
export const V3_COLUMNS = [
  "contact_id",
  "campaign_activity_id",
  "email_address",
  "first_name",
  "last_name",
  "created_time",
  "deleted_at",
];

/** A cached send as the app stores it, with the v3 report's campaign activity always set. */
export type SeedSend = Send & { campaignActivityId: string };

export function seedSends(): SeedSend[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const hostile = HOSTILE[i % HOSTILE.length]!;
    const email = i % 3 === 0 ? `${hostile}${i}@example.com` : `user${i}@example.com`;
    const firstName = i % 3 === 1 ? hostile : `First${i}`;
    const lastName = i % 4 === 0 ? undefined : HOSTILE[(i + 5) % HOSTILE.length];
    return {
      dataset: DATASET,
      contactId: `contact-${String(i).padStart(5, "0")}`,
      email,
      firstName,
      lastName,
      sentAt: new Date(Date.UTC(2026, 10, 20, 9) + Math.floor(i / 2) * 1000).toISOString(),
      deletedAt: i % 10 === 0 ? "2026-11-24T12:00:00.000Z" : undefined,
      campaignActivityId: ACTIVITY,
    };
  });
}

/** Writes the cache with raw IndexedDB into the stores the app itself created, in its chunks. */
export async function seedCache(page: Page, sends: SeedSend[]): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === "mailroom")))
    .toBe(true);
  await writeSendList(
    page,
    { dataset: DATASET, accountId: ACCOUNT, rows: sends },
    hostileRecords(Date.now()),
  );
}

/** The campaign, activity and sync state the app holds beside the hostile list (store → rows). */
export function hostileRecords(now: number): Record<string, unknown[]> {
  return {
    campaigns: [
      {
        accountId: ACCOUNT,
        generation: "v3",
        campaignId: "camp-1",
        name: CAMPAIGN_NAME,
        status: "Done",
        fetchedAt: now,
        raw: {},
      },
    ],
    campaignActivities: [
      {
        accountId: ACCOUNT,
        campaignId: "camp-1",
        campaignActivityId: ACTIVITY,
        role: "primary_email",
        fetchedAt: now,
      },
    ],
    syncState: [
      {
        dataset: DATASET,
        accountId: ACCOUNT,
        kind: "sends",
        status: "complete",
        pages: 5,
        rows: ROWS,
        fetchedAt: now,
      },
    ],
  };
}

/** The cells the v3 report would hold for a row, newest first like the Sends screen. */
export function expectedCells(sends: SeedSend[]): string[][] {
  return [...sends]
    .sort((a, b) =>
      a.sentAt === b.sentAt ? (a.contactId < b.contactId ? 1 : -1) : a.sentAt < b.sentAt ? 1 : -1,
    )
    .map((s) => [
      s.contactId,
      ACTIVITY,
      s.email,
      s.firstName ?? "",
      s.lastName ?? "",
      s.sentAt,
      s.deletedAt ?? "",
    ]);
}

/** Opens the export options, picks the downloads folder, exports, and returns the file's bytes. */
export async function exportThroughTheScreen(page: Page): Promise<{ bytes: Buffer; name: string }> {
  await page.getByRole("button", { name: "Export these sends (CSV)" }).click();
  const dialog = page.getByRole("dialog", { name: "Export these sends (CSV)" });
  const downloadsFolder = dialog.getByRole("radio", { name: "Save to my downloads folder" });
  if (await downloadsFolder.count()) await downloadsFolder.check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const path = await download.path();
  return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

export function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.at(-1)).toEqual([""]);
  return parsed.data.slice(0, -1);
}

export const DANGEROUS_START = /^[=+\-@\t\r]/;
/** Undo the guard's `'` only where the original began with a dangerous character. */
export const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
