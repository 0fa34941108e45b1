import type { Locator, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";
import { connectSandboxAccount } from "./support/signIn";

// Bad data through the screens a user sees (the parsers' own cases are unit tests in
// test/unit/api and test/unit/sync): statuses no client knows yet, a paging link that never
// advances, and a server that stops sending CORS headers. Each is shown, and nothing is lost.

const CAMPAIGN = "Member update (10k)";
const EXPECTED_SENDS = 10_000;

let app: RunningApp;
let browser: PersistentBrowser;
let page: Page;

beforeEach(async () => {
  app = await startApp();
  browser = await launchPersistent();
  page = await browser.context.newPage();
  // Signed in and first loaded without faults: each test switches its fault on afterwards.
  await connectSandboxAccount(page, app.url);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

/**
 * Opens Activities, lets the screen's own refresh-on-open settle, switches the fault on, then
 * presses Refresh and waits until that refresh is over.
 */
async function refreshActivitiesWith(
  faults: Parameters<RunningApp["sandbox"]["setFaults"]>[0],
  timeout = 60_000,
) {
  await page.goto(`${app.url}/activities`);
  const refresh = page.getByRole("button", { name: /^(Refresh|Refreshing…)$/ });
  await page.waitForTimeout(1_000);
  await expect.poll(() => refresh.isEnabled(), { timeout }).toBe(true);
  app.sandbox.setFaults(faults);
  await refresh.click();
  await expect.poll(() => refresh.isEnabled(), { timeout, message: "the refresh never ended" }).toBe(true);
}

/** Presses the list's Sync button and waits until the run is over. */
async function syncAndWait(list: Locator): Promise<void> {
  const sync = syncButton(list);
  await sync.click();
  await sync.waitFor({ timeout: 90_000 });
}

describe("bad data from Constant Contact", () => {
  it("shows activities whose status no client knows, as pending with the server's word, without a crash", async () => {
    // Every activity now reads as unfinished, so the refresh asks for each one's details: some
    // 135 requests at Constant Contact's 4 a second.
    await refreshActivitiesWith({ unknownEnums: true }, 120_000);

    expect(await page.locator(".error-notice").count(), "the refresh reported a failure").toBe(0);
    const v3Unknown = page.locator('.badge[title="Constant Contact says: paused_for_review"]');
    const v2Unknown = page.locator('.badge[title="Constant Contact says: ON_HOLD"]');
    await expect
      .poll(() => v3Unknown.count(), { message: "no v3 activity shows its unknown state" })
      .toBeGreaterThan(0);
    await expect
      .poll(() => v2Unknown.count(), { message: "no v2 activity shows its unknown status" })
      .toBeGreaterThan(0);
    // Read as "pending": still followed, never taken for finished.
    expect(await v3Unknown.first().textContent()).toBe("Pending");
    expect(await v2Unknown.first().textContent()).toBe("Pending");
  }, 300_000);

  it("stops a sync whose next link does not advance, says so, and keeps a consistent, resumable cache", async () => {
    await page.goto(`${app.url}/campaigns`);
    const list = primarySendList(page, CAMPAIGN);
    const dataset = await datasetOf(list);

    app.sandbox.setFaults({ stuckNextLink: true });
    await syncAndWait(list);
    const notice = list.locator(".error-notice");
    await notice.waitFor();
    expect(await notice.locator(".error-title").textContent()).toContain(
      "An answer Mailroom did not understand",
    );
    expect(await notice.textContent()).toMatch(/next link does not advance .*stopped to avoid a loop/);
    const stopped = await storedSends(page, dataset);
    expect(stopped.rows, "the stuck sync stored nothing before it stopped").toBeGreaterThan(0);
    expect(stopped.rows).toBeLessThan(EXPECTED_SENDS);
    expect(stopped.contacts, "the repeated page was stored twice").toBe(stopped.rows);
    console.log(`stuck next link: stopped with ${stopped.rows} rows stored, ${stopped.contacts} distinct`);

    // The server mends: the same button resumes from the checkpoint and ends exact.
    app.sandbox.setFaults({ stuckNextLink: false });
    await syncAndWait(list);
    await list.getByText("10,000 of 10,000 sends cached").waitFor();
    expect(await list.locator(".error-notice").count()).toBe(0);
    expect(await storedSends(page, dataset)).toEqual({ rows: EXPECTED_SENDS, contacts: EXPECTED_SENDS });
  });

  it("reports a refresh refused by CORS as a network problem that may be CORS, not as offline", async () => {
    await refreshActivitiesWith({ corsOff: true });

    const notice = page.locator(".error-notice").first();
    await notice.waitFor();
    expect(await notice.locator(".error-title").textContent()).toBe("Constant Contact could not be reached");
    expect(await notice.textContent()).toContain("CORS");
    expect(await page.getByText("You are offline").count(), "a CORS refusal was called offline").toBe(0);
  });
});
