import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Locator, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { datasetOf, primarySendList, syncButton } from "./support/sendLists";
import { connectSandboxAccount } from "./support/signIn";

// People end to end in Chromium: three v3 send lists that share people (Spring's resend went to a
// part of Spring's recipients; Résumé tips to the same customers list), a person's history checked
// against the sandbox's own record of who received what, an "A but not B" count likewise, the
// history's export read back with papaparse, and the history and the comparison offline after a reload.

const SPRING = 'Spring newsletter 🌷 — Ünïcode, "quotes", commas';
const RESUME = "Résumé tips, part 2";

let app: RunningApp;
let browser: PersistentBrowser;

beforeEach(async () => {
  app = await startApp();
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

/** The v3 resend list of a campaign on the Campaigns screen. */
function resendList(page: Page, campaignName: string): Locator {
  return primarySendList(page, campaignName)
    .locator("xpath=..")
    .locator("li.send-list", { hasText: "Resend" });
}

async function syncList(list: Locator): Promise<{ activityId: string }> {
  await syncButton(list).click();
  await list.getByText(/^(\d[\d,]*) of \1 sends cached$/).waitFor({ timeout: 60_000 });
  const dataset = await datasetOf(list);
  return { activityId: dataset.slice(dataset.lastIndexOf("|") + 1) };
}

const emailsOf = (receipts: { email: string }[]) => new Set(receipts.map((r) => r.email.toLowerCase()));

function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
  expect(parsed.errors).toEqual([]);
  return parsed.data.slice(0, -1);
}

/** Opens an export's options, picks the downloads folder, exports, and parses the file. */
async function exportThrough(page: Page, label: string): Promise<string[][]> {
  await page.getByRole("button", { name: label }).click();
  const dialog = page.getByRole("dialog", { name: label });
  const downloadsFolder = dialog.getByRole("radio", { name: "Save to my downloads folder" });
  if (await downloadsFolder.count()) await downloadsFolder.check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  return parseCsv(readFileSync(await download.path()));
}

describe("People in Chromium", () => {
  it("a person's history and an 'A but not B' count equal the sandbox's, the export reads back, offline too", async () => {
    const page = await browser.context.newPage();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await connectSandboxAccount(page, app.url);
    await page.goto(`${app.url}/campaigns`);
    const spring = await syncList(primarySendList(page, SPRING));
    const resend = await syncList(resendList(page, SPRING));
    const resume = await syncList(primarySendList(page, RESUME));
    const synced = new Set([spring.activityId, resend.activityId, resume.activityId]);

    // Someone the sandbox sent Spring and its resend to.
    const springPeople = emailsOf(app.sandbox.whoReceived(spring.activityId));
    const resendPeople = emailsOf(app.sandbox.whoReceived(resend.activityId));
    const both = [...springPeople].filter((email) => resendPeople.has(email));
    expect(both.length).toBeGreaterThan(0);
    const person = both[0]!;
    const expected = app.sandbox
      .receivedBy(person)
      .filter((r) => synced.has(r.campaignActivityId))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    const listsFound = new Set(expected.map((r) => r.campaignActivityId)).size;
    const found = new RegExp(`^Found in ${listsFound} of 3 cached send lists; `);

    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
    await page.getByLabel("Email or name contains").fill(person.toUpperCase());
    await page.getByRole("link", { name: new RegExp(`^${person.replace(/[.+]/g, "\\$&")}$`, "i") }).click();
    await page.getByRole("heading", { name: /^History of / }).waitFor();
    const historyRows = page.locator(".history-table tbody tr");
    await page.getByText(`${expected.length} sends`, { exact: true }).waitFor();
    expect(
      await historyRows
        .locator("td time")
        .evaluateAll((cells) => cells.map((c) => c.getAttribute("datetime"))),
    ).toEqual(expected.map((r) => r.sentAt));
    await page.getByText(found).waitFor();

    // The history's export, read back row for row.
    const [header, ...rows] = await exportThrough(page, "Export this history (CSV)");
    expect(header?.slice(0, 4)).toEqual(["sent_at", "campaign", "api_generation", "email_address"]);
    expect(rows.map((row) => [row[0], row[2], row[3]?.toLowerCase(), row[6]])).toEqual(
      expected.map((r) => [r.sentAt, "v3", person, r.v3ContactId]),
    );

    // Received Spring but not its resend, in the compare worker.
    await page.goto(`${app.url}/people`);
    await page.getByLabel("Send list A (received)").selectOption({ label: `${SPRING} (v3)` });
    await page.getByLabel("Send list B (not received)").selectOption({ label: `${SPRING} · resend (v3)` });
    await page.getByRole("button", { name: "Compare" }).click();
    const aNotB = [...springPeople].filter((email) => !resendPeople.has(email)).length;
    await page.locator(".compare-result").getByText(`${aNotB} people`, { exact: true }).waitFor();
    expect(workers.some((url) => /compareWorker/.test(url))).toBe(true);
    const [peopleHeader, ...people] = await exportThrough(page, "Export these people (CSV)");
    expect(peopleHeader).toEqual(["email_address", "first_name", "last_name", "lists_received"]);
    // The formula guard's "'" comes off addresses that begin with + or -; the file's order is by
    // folded address (accents aside), so the two lists are compared as sets.
    const unguard = (cell: string) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);
    expect(people.map((row) => unguard(row[0] ?? "").toLowerCase()).sort()).toEqual(
      [...springPeople].filter((email) => !resendPeople.has(email)).sort(),
    );

    // Offline after a reload: the history still answers from the cache.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", undefined, {
      timeout: 30_000,
    });
    await browser.context.setOffline(true);
    // (An address ends like a file name, ".co.uk": the route puts "/history" after it.)
    await page.goto(`${app.url}/people/${encodeURIComponent(person)}/history`);
    await page.getByText(`${expected.length} sends`, { exact: true }).waitFor();
    await page.getByText(found).waitFor();
    // ...and the comparison too: its worker comes from the precache, its data from IndexedDB.
    await page.goto(`${app.url}/people`);
    await page.getByLabel("Send list A (received)").selectOption({ label: `${SPRING} (v3)` });
    await page.getByLabel("Send list B (not received)").selectOption({ label: `${SPRING} · resend (v3)` });
    await page.getByRole("button", { name: "Compare" }).click();
    await page.locator(".compare-result").getByText(`${aNotB} people`, { exact: true }).waitFor();
  });
});
