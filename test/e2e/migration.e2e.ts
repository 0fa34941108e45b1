import type { Page, Request } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendsDatasetId } from "../../src/db/datasets";
import { createV1Database, layoutOf, V1_IDB_VERSION, V1_LAYOUT, type V1Send } from "../support/v1Database";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import {
  expectedCells,
  exportThroughTheScreen,
  CAMPAIGN_NAME as HOSTILE_CAMPAIGN,
  DATASET as HOSTILE_DATASET,
  hostileRecords,
  parseCsv,
  type SeedSend,
  seedSends,
  unguard,
  V3_COLUMNS,
} from "./support/hostileSends";
import { database, type Row } from "./support/rawDb";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";
import { connectSandboxAccount } from "./support/signIn";

// A device that used schema v1 (a row per send) opens the chunked store's build. Chromium cannot
// run the old build here, so the test writes what it left: the Sandbox account as today's sign-in
// stores it (its tables did not change in v2), and in v1's `sends` table the rows of the sandbox's
// own first pages, in v1's row shape, with the checkpoint a stopped first sync left; plus a second
// account's hostile list. Then the new build opens that database.

const TENK = "Member update (10k)";
const TENK_SENDS = 10_000;
const SPRING = 'Spring newsletter 🌷 — Ünïcode, "quotes", commas';
const SPRING_SENDS = 250;
/** Pages of 500 the stopped first sync of the 10k list had stored. */
const PAGES_HELD = 4;
const PAGE_SIZE = 500;

let app: RunningApp;
/** Where today's build signs in, to see what it stores; then closed. */
let setupBrowser: PersistentBrowser;
/** A profile the app never opened before the v1 database is written in it. */
let browser: PersistentBrowser;

beforeEach(async () => {
  // The sandbox's own limit off: this test reads pages straight from it to build the fixture.
  app = await startApp({ rateLimit: 0 });
  setupBrowser = await launchPersistent();
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

interface ApiSend {
  contact_id: string;
  campaign_activity_id?: string;
  email_address: string;
  first_name?: string | null;
  last_name?: string | null;
  created_time: string;
  deleted_at?: string | null;
}

/** A v3 send as v1's sync stored it (src/sync/sendRows.ts at v1). */
function v1Row(dataset: string, activityId: string, row: ApiSend): V1Send {
  const nameKey = [row.first_name, row.last_name]
    .map((part) => (part ?? "").trim())
    .filter((part) => part !== "")
    .join(" ")
    .toLowerCase();
  const send: V1Send = {
    dataset,
    contactId: row.contact_id,
    email: row.email_address,
    emailKey: row.email_address.trim().toLowerCase(),
    nameKey,
    sentAt: new Date(row.created_time).toISOString(),
    campaignActivityId: row.campaign_activity_id ?? activityId,
  };
  if (row.first_name) send.firstName = row.first_name;
  if (row.last_name) send.lastName = row.last_name;
  if (row.deleted_at) send.deletedAt = row.deleted_at;
  return send;
}

/** The sandbox's first `pages` pages of a v3 send list, as the app requests them, and the next link. */
async function sandboxPages(token: string, activityId: string, pages: number) {
  const rows: ApiSend[] = [];
  let url: string | undefined =
    `${app.sandboxUrl}/v3/reports/email_reports/${encodeURIComponent(activityId)}/tracking/sends?limit=${PAGE_SIZE}`;
  let next: string | undefined;
  for (let i = 0; i < pages && url; i++) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as {
      tracking_activities: ApiSend[];
      _links?: { next?: { href?: string } };
    };
    rows.push(...body.tracking_activities);
    next = body._links?.next?.href || undefined;
    url = next && new URL(next, `${app.sandboxUrl}/`).href;
  }
  return { rows, next };
}

const reportIdOf = (dataset: string) => dataset.split("|")[2]!;
const countText = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "send" : "sends"}`;
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

async function openSends(page: Page, dataset: string, heading: string, rows: number) {
  await page.goto(`${app.url}/campaigns/${encodeURIComponent(dataset)}/sends`);
  await page.getByRole("heading", { name: `Sends of ${heading}` }).waitFor();
  await page.locator(".row-count", { hasText: countText(rows) }).waitFor({ timeout: 30_000 });
}

describe("a v1 database opened by the chunked store's build", () => {
  it("keeps every row, searchable and exportable, resumes the old checkpoint, and tells an open tab to reload", async () => {
    // 1. What today's sign-in stores for the Sandbox account: accounts, tokens, campaigns.
    const setup = await setupBrowser.context.newPage();
    await connectSandboxAccount(setup, app.url);
    await setup.goto(`${app.url}/campaigns`);
    const tenK = await datasetOf(primarySendList(setup, TENK));
    const spring = await datasetOf(primarySendList(setup, SPRING));
    const accountId = tenK.split("|")[0]!;
    expect(spring).toBe(sendsDatasetId(accountId, "v3", reportIdOf(spring)));
    const held = await database(setup);
    const token = String(
      held.tokens!.find((t) => t.accountId === accountId && t.generation === "v3")!.accessToken,
    );

    // 2. The v1 rows a sync had stored: Spring whole, the 10k list's first pages with their checkpoint.
    const springPages = await sandboxPages(token, reportIdOf(spring), 2);
    expect(springPages.rows).toHaveLength(SPRING_SENDS);
    const tenKPages = await sandboxPages(token, reportIdOf(tenK), PAGES_HELD);
    expect(tenKPages.rows).toHaveLength(PAGES_HELD * PAGE_SIZE);
    expect(tenKPages.next).toBeDefined();
    const springRows = springPages.rows.map((row) => v1Row(spring, reportIdOf(spring), row));
    const tenKRows = tenKPages.rows.map((row) => v1Row(tenK, reportIdOf(tenK), row));
    const hostile = seedSends();
    const hostileV1: V1Send[] = hostile.map((send) => ({
      ...withoutUndefined(send),
      emailKey: send.email.trim().toLowerCase(),
      nameKey: [send.firstName, send.lastName].filter(Boolean).join(" ").toLowerCase(),
    }));
    const now = Date.now();
    const newest = (rows: V1Send[]) =>
      rows
        .map((r) => r.sentAt)
        .sort()
        .at(-1);
    const states: Row[] = [
      {
        dataset: spring,
        accountId,
        kind: "sends",
        status: "complete",
        mode: "first",
        pages: 1,
        rows: SPRING_SENDS,
        expectedRows: SPRING_SENDS,
        newestStored: newest(springRows),
        stopReason: "done",
        finishedAt: now,
        fetchedAt: now,
      },
      {
        dataset: tenK,
        accountId,
        kind: "sends",
        status: "stopped",
        mode: "first",
        nextLink: tenKPages.next,
        pages: PAGES_HELD,
        rows: tenKRows.length,
        runRows: tenKRows.length,
        expectedRows: TENK_SENDS,
        newestStored: newest(tenKRows),
        stopReason: "cancelled",
        startedAt: now - 10_000,
        fetchedAt: now,
      },
    ];
    const { syncState: otherStates, ...otherHostile } = hostileRecords(now);
    const v1Rows: Record<string, unknown[]> = {};
    for (const store of V1_LAYOUT)
      v1Rows[store.name] = store.name === "sends" ? [] : (held[store.name] ?? []);
    for (const [store, rows] of Object.entries(otherHostile))
      v1Rows[store] = [...(v1Rows[store] ?? []), ...rows];
    v1Rows.syncState = [...(v1Rows.syncState ?? []), ...states, ...(otherStates ?? [])];
    v1Rows.sends = [...springRows, ...tenKRows, ...hostileV1];

    await setupBrowser.close();

    // 3. In a profile the app never opened (no worker, no tab holding the database), on the app's
    // origin but a page without its code: the v1 database, before the new build first opens it.
    const seed = await browser.context.newPage();
    await seed.goto(`${app.url}/manifest.webmanifest`);
    expect(await seed.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    await seed.evaluate(createV1Database, {
      name: "mailroom",
      version: V1_IDB_VERSION,
      layout: V1_LAYOUT,
      rows: v1Rows,
    });
    const v1Layout = await seed.evaluate(layoutOf, "mailroom");
    expect(v1Layout.version).toBe(V1_IDB_VERSION);
    // The layout Dexie itself makes of v1's declaration (test/unit/db/migration.test.ts checks that).
    expect(sortedLayout(v1Layout.stores)).toEqual(sortedLayout(V1_LAYOUT));

    // 4. The new build opens it: every row of every list is there.
    const page = await browser.context.newPage();
    await openSends(page, spring, SPRING, SPRING_SENDS);
    await openSends(page, tenK, TENK, tenKRows.length);
    await openSends(page, HOSTILE_DATASET, HOSTILE_CAMPAIGN, hostile.length);
    const migrated = await page.evaluate(layoutOf, "mailroom");
    // Dexie's version 4 (× 10): the v2 upgrade moved the rows, the v4 one mapped their chunks.
    expect(migrated.version).toBe(40);
    expect(migrated.stores.map((s) => s.name)).not.toContain("sends");
    expect(migrated.stores.map((s) => s.name)).toContain("sendGrams");
    expect(await storedSends(page, spring)).toEqual({ rows: SPRING_SENDS, contacts: SPRING_SENDS });
    expect(await storedSends(page, HOSTILE_DATASET)).toEqual({
      rows: hostile.length,
      contacts: hostile.length,
    });

    // 5. Exportable: the hostile list's CSV, read back by papaparse, holds exactly its rows.
    const file = await exportThroughTheScreen(page);
    const [header, ...cells] = parseCsv(file.bytes);
    expect(header).toEqual(V3_COLUMNS);
    expect(cells.map((row) => row.map(unguard))).toEqual(expectedCells(hostile as SeedSend[]));

    // 6. Searchable by a middle part of an address, in capitals.
    await openSends(page, spring, SPRING, SPRING_SENDS);
    const sample = springRows[Math.floor(springRows.length / 2)]!;
    // The domain's middle ("xample.co" of "…@example.com"): a part no address starts with.
    const domain = sample.email.slice(sample.email.indexOf("@") + 1);
    const part = domain.slice(1, -1);
    const matching = springRows.filter(
      (row) =>
        folded(row.email).includes(folded(part)) ||
        folded([row.firstName, row.lastName].filter(Boolean).join(" ")).includes(folded(part)),
    );
    await page.getByLabel("Email or name contains").fill(part.toUpperCase());
    expect(matching.length).toBeGreaterThan(1);
    expect(matching.length).toBeLessThan(SPRING_SENDS);
    await page.locator(".row-count", { hasText: countText(matching.length) }).waitFor();
    await page.locator(".sends-table tbody td.email", { hasText: sample.email }).first().waitFor();

    // 7. The stopped first sync resumes from its v1 checkpoint: only the pages after it are fetched.
    const tenKRequests: string[] = [];
    page.on("request", (request: Request) => {
      const url = new URL(request.url());
      if (url.origin === app.sandboxUrl && url.pathname.includes(`/${reportIdOf(tenK)}/tracking/sends`))
        tenKRequests.push(url.pathname + url.search);
    });
    await page.goto(`${app.url}/campaigns`);
    const list = primarySendList(page, TENK);
    await syncButton(list).click();
    await list
      .getByText(
        `${TENK_SENDS.toLocaleString("en-US")} of ${TENK_SENDS.toLocaleString("en-US")} sends cached`,
      )
      .waitFor({ timeout: 90_000 });
    const next = new URL(tenKPages.next!, `${app.sandboxUrl}/`);
    expect(tenKRequests[0]).toBe(next.pathname + next.search);
    expect(tenKRequests).toHaveLength(TENK_SENDS / PAGE_SIZE - PAGES_HELD);
    expect(await storedSends(page, tenK)).toEqual({ rows: TENK_SENDS, contacts: TENK_SENDS });

    // 8. A newer build opening the database in another page tells this tab to reload.
    const newer = await browser.context.newPage();
    await newer.goto(`${app.url}/manifest.webmanifest`);
    await newer.evaluate(
      (version) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open("mailroom", version);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      migrated.version + 10,
    );
    await page.getByText("Mailroom was updated in another tab.").waitFor();
    expect(await page.getByRole("button", { name: "Reload this tab" }).isVisible()).toBe(true);
  });
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function sortedLayout(stores: typeof V1_LAYOUT) {
  const byName = <T extends { name: string }>(list: T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name));
  return byName(stores).map((store) => ({ ...store, indexes: byName(store.indexes) }));
}
