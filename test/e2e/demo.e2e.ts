import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { POLL_SLOWEST_WHILE_RUNNING_MS } from "../../src/sync/pollSchedule";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { exportShownSendsAsCsv } from "./support/exportSends";
import { accountIdOf, database, storedToken } from "./support/rawDb";
import { primarySendList, syncButton } from "./support/sendLists";
import { waitForController } from "./support/worker";

// "Explore with demo data" on a static deployment: the built app served alone, with NO sandbox
// process (runtime-config points at a port where nothing listens). The demo's sandbox runs in the
// page; the worker has none and asks the page. Step by step in one profile, as a user would:
// connect, see activities, watch one finish through the worker, sync a send list, reload (with an
// expired token, in a second tab too), go offline, export. No step may ask to sign in.

const NOTHING_LISTENS = "http://127.0.0.1:9";
const TENK = "Member update (10k)";
/** Simulated time is real time since the demo's first visit (the world's anchor). */
const MINUTE = 60_000;

let server: StaticServer;
let browser: PersistentBrowser;
let page: Page;
let accountId = "";

beforeAll(async () => {
  // A production deployment's headers: connect-src has no loopback origin (the demo needs none).
  server = await startStaticServer({
    root: inject("distDir"),
    sandboxOrigin: NOTHING_LISTENS,
    policy: { extraConnectSrc: [], sandbox: false },
  });
  browser = await launchPersistent({ permissions: ["notifications"] });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a sign-in prompt says anywhere in Mailroom (Settings rows, error panels, banners). */
const SIGN_IN_PROMPT =
  /sign-in required|sign in again|open settings to sign in|not signed in|no longer accepts/i;

/** Neither the screen nor the stored tokens ask for a sign-in. */
async function expectNoSignInPrompt(on: Page = page): Promise<void> {
  expect(await on.locator("body").textContent()).not.toMatch(SIGN_IN_PROMPT);
  const { tokens } = await database(on);
  expect(tokens?.length).toBe(2);
  for (const token of tokens ?? []) expect(token.signInRequired, String(token.generation)).toBeUndefined();
}

/** Settings says both generations are signed in. */
async function expectSignedInOnSettings(on: Page): Promise<void> {
  await on.goto(`${server.url}/settings`);
  const rows = on.locator(".account-generations li");
  await expect.poll(() => rows.count()).toBe(2);
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/Signed in/);
  await expectNoSignInPrompt(on);
}

/** The worker's broadcasts, as this page hears them from now on. */
async function listenToWorker(on: Page): Promise<() => Promise<{ type: string; accountId?: string }[]>> {
  await on.evaluate(() => {
    const w = window as unknown as { __heard: unknown[] };
    w.__heard = [];
    new BroadcastChannel("mailroom").onmessage = (event) => w.__heard.push(event.data);
  });
  return () => on.evaluate(() => (window as unknown as { __heard: { type: string }[] }).__heard);
}

describe("the demo on a static deployment, with no sandbox server", () => {
  it("connects from Settings and shows activities", async () => {
    await page.goto(`${server.url}/activities`);
    await page.getByRole("heading", { name: "No account yet" }).waitFor();
    await waitForController(page);
    // The demo was first visited three and a half minutes ago (its persisted world, as the app
    // writes it on a first visit): its failing imports, running since then, end within two minutes.
    await page.evaluate(async (anchorAgo) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open("mailroom");
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const world = { seed: 20_240_601, anchor: Date.now() - anchorAgo, tokenSecret: "e2e-demo-secret" };
      const put = db
        .transaction("settings", "readwrite")
        .objectStore("settings")
        .put({ key: "demo-world", value: world });
      await new Promise((done, fail) => {
        put.onsuccess = done;
        put.onerror = () => fail(put.error);
      });
      db.close();
    }, 3.5 * MINUTE);

    await page.goto(`${server.url}/settings`);
    await page.getByRole("button", { name: "Explore with demo data" }).click();
    await page.waitForFunction('document.getElementById("account-label")?.value === "Demo data"');
    // Demo sign-ins never leave the page: the in-page sandbox consents at once, Settings stays.
    await page.getByRole("button", { name: "Connect and sign in" }).click();
    // Both generations in one go (v3, then v2).
    await page.getByText("“Demo data” is connected and signed in.").waitFor({ timeout: 60_000 });
    for (const generation of ["v3", "v2"])
      await page.locator(".account-generations li", { hasText: `${generation}: Signed in` }).waitFor();
    accountId = await accountIdOf(page, "Demo data");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activities" }).click();

    await page.locator(".activity-card").first().waitFor({ timeout: 60_000 });
    await page.locator(".freshness", { hasText: "fetched" }).first().waitFor();
    expect(await page.getByRole("list", { name: "Activities by status" }).textContent()).toMatch(/running/);
    await expectNoSignInPrompt();
  });

  it(
    "watches a job finish through the worker, which asks the page for the demo's answers",
    async () => {
      const heard = await listenToWorker(page);
      const finished = async () =>
        (await heard()).filter((m) => m.type === "activity-finished" && m.accountId === accountId);
      // The jobs end within two minutes; the worker's schedule may have backed off to its slowest.
      await expect
        .poll(async () => (await finished()).length, { timeout: 2 * MINUTE + POLL_SLOWEST_WHILE_RUNNING_MS })
        .toBeGreaterThan(0);
      const failures = (await heard()).filter((m) => m.type === "poll-failed" || m.type === "poll-paused");
      expect(failures).toEqual([]);
      await page
        .locator(".activity-card", { has: page.locator(".badge.status-failed") })
        .first()
        .waitFor();
      const titles = () =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title),
        );
      await expect
        .poll(async () => (await titles()).some((title) => / failed$/.test(title)), { timeout: 20_000 })
        .toBe(true);
      await expectNoSignInPrompt();
    },
    4 * MINUTE,
  );

  it("syncs a 10,000-send list", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
    const list = primarySendList(page, TENK);
    await list.waitFor({ timeout: 30_000 });
    await syncButton(list).click();
    await list.getByText(/10,000\s*of 10,000\s*sends cached/).waitFor({ timeout: 90_000 });
    await expectNoSignInPrompt();
  });

  it(
    "reloads with an expired token, renews it at the new page's sandbox, and a second tab works too",
    async () => {
      const before = await storedToken(page, [accountId, "v3"], { expiresAt: 0 });
      await page.goto(`${server.url}/activities`);
      await page.reload();
      await page.getByRole("button", { name: "Refresh", exact: true }).click();
      await expect
        .poll(async () => (await storedToken(page, [accountId, "v3"])).accessToken, { timeout: 60_000 })
        .not.toBe(before.accessToken);
      await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 60_000 });
      const after = await storedToken(page, [accountId, "v3"]);
      expect(Number(after.expiresAt)).toBeGreaterThan(Date.now());
      await expectNoSignInPrompt();

      // A worker round after the reload: relayed to this page, whose sandbox accepts the token.
      const heard = await listenToWorker(page);
      await page.evaluate(async () =>
        (await navigator.serviceWorker.ready).active?.postMessage({ type: "POLL_NOW", reason: "user" }),
      );
      await expect
        .poll(async () => (await heard()).some((m) => m.type === "poll-finished"), { timeout: 60_000 })
        .toBe(true);
      expect((await heard()).filter((m) => m.type === "poll-failed" || m.type === "poll-paused")).toEqual([]);

      const second = await browser.context.newPage();
      await second.goto(`${server.url}/campaigns`);
      await primarySendList(second, TENK)
        .getByText(/10,000\s*of 10,000\s*sends cached/)
        .waitFor();
      await second.getByRole("button", { name: "Refresh campaigns" }).click();
      await second.getByRole("button", { name: "Refresh campaigns" }).waitFor();
      await expectSignedInOnSettings(second);
      await second.close();
      await expectSignedInOnSettings(page);
    },
    4 * MINUTE,
  );

  it("offline, the reloaded screens show the demo's data and ask for nothing", async () => {
    await browser.context.setOffline(true);
    await page.goto(`${server.url}/activities`);
    await page.getByText("Offline — showing cached data").waitFor();
    await page.locator(".activity-card").first().waitFor();
    await expectNoSignInPrompt();
    await page.goto(`${server.url}/campaigns`);
    await primarySendList(page, TENK)
      .getByText(/10,000\s*of 10,000\s*sends cached/)
      .waitFor();
    await expectNoSignInPrompt();
  });

  it("exports the synced send list offline", async () => {
    await primarySendList(page, TENK)
      .getByRole("link", { name: /^Open sends/ })
      .click();
    await page.getByText("10,000 sends", { exact: true }).waitFor();
    expect(await exportShownSendsAsCsv(page)).toHaveLength(10_001);
    await expectNoSignInPrompt();
    await browser.context.setOffline(false);
  });
});
