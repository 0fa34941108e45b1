import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLL_SLOWEST_WHILE_RUNNING_MS } from "../../src/sync/pollSchedule";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { exportShownSendsAsCsv } from "./support/exportSends";
import { connectSandboxAccount } from "./support/signIn";
import { waitForController } from "./support/worker";

// The whole journey of issue #6 in one browser profile, step by step, as a user would take it. Each
// step stands alone all the same: it first makes sure of what it needs (signed in, online, the 10k
// list synced), which costs a glance when the step before left it so and redoes it when that step
// failed, so one failure fails one test, not the rest. Screenshots of every screen (light and dark,
// desktop and phone width) land in screenshots/, which git ignores.

const TENK = "Member update (10k)";
const SHOTS = "screenshots";
let app: RunningApp;
let browser: PersistentBrowser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchPersistent();
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The current screen in light and dark, at 1280 and 360 px wide. */
async function shoot(name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
      await page.screenshot({ path: `${SHOTS}/${name}-${theme}-${width}.png`, fullPage: width === 360 });
    }
  }
  await page.evaluate(() => document.documentElement.removeAttribute("data-theme"));
  await page.setViewportSize({ width: 1280, height: 800 });
}

const sendListRow = (role: string, campaign: string) =>
  page.locator(".send-list", {
    has: page.getByRole("link", { name: `Open sends of ${role} of ${campaign}` }),
  });
const tenKRow = () => sendListRow("Primary email", TENK);
const tenKCached = () => tenKRow().getByText(/10,000\s*of 10,000\s*sends cached/);

/** Online, on Activities, with the Sandbox account connected (connecting it if it is not). */
async function signedIn(): Promise<void> {
  await browser.context.setOffline(false);
  await page.goto(`${app.url}/activities`);
  const noAccount = page.getByRole("heading", { name: "No account yet" });
  await noAccount.or(page.locator(".activity-card").first()).first().waitFor({ timeout: 30_000 });
  if (await noAccount.isVisible()) await connectSandboxAccount(page, app.url);
}

/** Signed in, with the 10k list synced: the URL of its sends screen. */
async function tenKSynced(): Promise<string> {
  await signedIn();
  await page.goto(`${app.url}/campaigns`);
  await tenKRow().waitFor({ timeout: 30_000 });
  if (!(await tenKCached().isVisible())) {
    await tenKRow()
      .getByRole("button", { name: `Sync Primary email of ${TENK}` })
      .click();
    await tenKCached().waitFor({ timeout: 60_000 });
  }
  const link = tenKRow().getByRole("link", { name: `Open sends of Primary email of ${TENK}` });
  return new URL((await link.getAttribute("href")) ?? "", app.url).href;
}

/** Signed in: the URL of the first activity's detail screen. */
async function anActivityUrl(): Promise<string> {
  await signedIn();
  const href = await page.locator(".activity-card a.activity-title").first().getAttribute("href");
  return new URL(href ?? "", app.url).href;
}

describe("the Mailroom journey against the sandbox", () => {
  it("first run: no account, then the Sandbox account connects through Settings", async () => {
    await page.goto(`${app.url}/activities`);
    await page.getByRole("heading", { name: "No account yet" }).waitFor();
    await connectSandboxAccount(page, app.url);
    await waitForController(page);
  });

  it("activities appear, with counts and freshness", async () => {
    await signedIn();
    await page.locator(".activity-card").first().waitFor({ timeout: 30_000 });
    await page.locator(".freshness", { hasText: "fetched" }).first().waitFor();
    expect(await page.getByRole("list", { name: "Activities by status" }).textContent()).toMatch(/running/);
    await shoot("activities");
  });

  it("a running activity opens and is watched until it finishes", async () => {
    await signedIn();
    const running = page.locator(".activity-card", { has: page.locator(".badge.status-running") }).first();
    await running.locator("a.activity-title").click();
    await page.waitForURL(/\/activities\/v[23]\//);
    const progress = page.getByRole("progressbar", { name: "Progress" });
    await progress.waitFor();
    await page.getByRole("img", { name: /^Timeline:/ }).waitFor();
    await shoot("activity-running");
    // Every running job in the sandbox ends within an hour of simulated time.
    app.sandbox.advance(60 * 60_000);
    // Passively: the worker's next round, however far its schedule has backed off, plus the round.
    await expect.poll(() => progress.count(), { timeout: POLL_SLOWEST_WHILE_RUNNING_MS + 30_000 }).toBe(0);
    const status = await page.locator(".activity-head .badge").first().textContent();
    expect(["Completed", "Failed", "Cancelled", "Timed out"]).toContain(status);
    await shoot("activity-finished");
  });

  it("a 10,000-send campaign syncs with progress, and its list opens", async () => {
    await signedIn();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
    const row = sendListRow("Primary email", TENK);
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole("button", { name: `Sync Primary email of ${TENK}` }).click();
    await row.getByText(/rows · \d+ pages/).waitFor({ timeout: 15_000 });
    await row.getByText(/10,000\s*of 10,000\s*sends cached/).waitFor({ timeout: 60_000 });
    await row.locator(".freshness", { hasText: "complete" }).waitFor();
    await shoot("campaigns");
    await row.getByRole("link", { name: `Open sends of Primary email of ${TENK}` }).click();
    await page.getByText("10,000 sends", { exact: true }).waitFor();
  });

  it("the send list searches by any part of an email or name, pages to its last row and draws when it went out", async () => {
    await page.goto(await tenKSynced());
    await page.getByRole("img", { name: /^Sends per / }).waitFor();
    const firstEmail = await page.locator(".sends-table tbody td.email").first().textContent();
    // A middle part of the address, in capitals: neither its start nor its case.
    const part = (firstEmail ?? "").slice(1, 4);
    const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    await page.getByLabel("Email or name contains").fill(part.toUpperCase());
    // Every row on screen matches by email or by name, and the count is of the matches only.
    const allMatch = async () => {
      const emails = await page.locator(".sends-table tbody td.email").allTextContents();
      const names = await page.locator(".sends-table tbody td:nth-child(3)").allTextContents();
      return (
        emails.length > 0 &&
        emails.every(
          (email, i) => folded(email).includes(folded(part)) || folded(names[i] ?? "").includes(folded(part)),
        )
      );
    };
    await expect.poll(allMatch, { timeout: 10_000 }).toBe(true);
    const count = Number((await page.locator(".row-count").textContent())?.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(10_000);
    await shoot("sends-search");
    await page.getByLabel("Email or name contains").fill("");
    await page.getByText("10,000 sends", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Last »" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Next ›" }).isDisabled()).toBe(true);
    await shoot("sends");
  });

  it("settings show storage, budget and theme", async () => {
    await signedIn();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByText(/used of .* available to Mailroom/).waitFor();
    await page
      .getByText(/requests left/)
      .first()
      .waitFor();
    await shoot("settings");
  });

  it("offline after a reload, every screen still shows its data with its freshness", async () => {
    const detailUrl = await anActivityUrl();
    const sendsUrl = await tenKSynced();
    await browser.context.setOffline(true);
    await page.goto(sendsUrl);
    await page.getByText("Offline — showing cached data").waitFor();
    await page.getByText("10,000 sends", { exact: true }).waitFor();
    await page.locator(".freshness", { hasText: /fetched .* · complete/ }).waitFor();
    await page.goto(`${app.url}/activities`);
    await page.locator(".activity-card").first().waitFor();
    await page.locator(".freshness", { hasText: "fetched" }).waitFor();
    await page.goto(detailUrl);
    await page.getByRole("img", { name: /^Timeline:/ }).waitFor();
    await page.goto(`${app.url}/campaigns`);
    await sendListRow("Primary email", TENK)
      .getByText(/10,000\s*of 10,000\s*sends cached/)
      .waitFor();
    await page.locator(".toolbar .freshness", { hasText: "fetched" }).waitFor();
    expect(await page.getByRole("button", { name: "Refresh campaigns" }).isDisabled()).toBe(true);
    await shoot("campaigns-offline");
  });

  it("exports the send list offline", async () => {
    const sendsUrl = await tenKSynced();
    await browser.context.setOffline(true);
    await page.goto(sendsUrl);
    await page.getByText("10,000 sends", { exact: true }).waitFor();
    expect(await exportShownSendsAsCsv(page)).toHaveLength(10_001);
  });
});
