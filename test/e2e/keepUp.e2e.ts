import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendsDatasetId } from "../../src/db/datasets";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { accountIdOf, database } from "./support/rawDb";
import { connectSandboxAccount } from "./support/signIn";
import { waitForController } from "./support/worker";

// "Keep all send lists up to date" in Chromium: turned on in Settings, the service worker's round
// refreshes the campaign list and fetches every send list, with no Sync pressed anywhere; then a
// campaign the sandbox sends later is fetched too, on the worker's next wake-up (the connection
// coming back), again with no press.

let app: RunningApp;
let browser: PersistentBrowser;

beforeEach(async () => {
  app = await startApp({ bigCampaignSends: 600, campaigns: 8 });
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

/** Generous: about 100 requests at 4 a second, on a machine shared by several helpers. */
const ROUND_MS = 240_000;

/** Waits until every dataset's sync state says complete, reading IndexedDB past the app. */
async function bothComplete(page: Page, datasets: string[]): Promise<void> {
  const deadline = Date.now() + ROUND_MS;
  for (;;) {
    const { syncState } = await database(page);
    const states = datasets.map((dataset) => syncState?.find((row) => row.dataset === dataset));
    if (states.every((state) => state?.status === "complete")) return;
    if (Date.now() > deadline) throw new Error(`Not fetched in time: ${JSON.stringify(states)}`);
    await page.waitForTimeout(500);
  }
}

describe("Keep all send lists up to date", () => {
  it("turned on, the worker fetches every send list in the background, and a campaign sent later, with no press", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/settings`);
    await waitForController(page);
    await connectSandboxAccount(page, app.url);
    await page.goto(`${app.url}/settings`);
    const box = page.getByRole("checkbox", { name: "Keep all send lists up to date" });
    expect(await box.isChecked()).toBe(false);
    await box.click();
    // The box shows the stored setting: checked once the click's save has landed.
    await page
      .locator("input[type=checkbox]:checked")
      .and(box)
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        const section = await page.locator("section", { has: box }).textContent();
        throw new Error(`The setting did not turn on; Settings says: ${section}`, { cause: error });
      });

    const progress = page.getByTestId("keep-up-progress");
    await progress.getByText(/^Last round/).waitFor({ timeout: ROUND_MS });
    const text = (await progress.textContent()) ?? "";
    const [, done, planned] = /(\d+) of (\d+) send lists fetched/.exec(text) ?? [];
    expect(Number(planned)).toBeGreaterThan(10);
    expect(done).toBe(planned);
    expect(text).not.toContain("Stopped");
    await page.getByTestId("keep-up-plan").getByText("Every cached send list is up to date.").waitFor();

    // Checked against the sandbox's own world, not the app's: its 10,000-send list, in both generations.
    const accountId = await accountIdOf(page, "Sandbox");
    const tenk = app.sandbox.world.campaigns.find((c) => c.key === "tenk");
    if (!tenk) throw new Error("The sandbox has no 'tenk' campaign");
    const { syncState } = await database(page);
    const stateOf = (dataset: string) => syncState?.find((row) => row.dataset === dataset);
    for (const dataset of [
      sendsDatasetId(accountId, "v3", tenk.primaryActivityId),
      sendsDatasetId(accountId, "v2", tenk.v2Id),
    ]) {
      expect(stateOf(dataset)).toMatchObject({ status: "complete", rows: 10_000 });
    }
    const sendLists = syncState?.filter((row) => row.kind === "sends") ?? [];
    expect(sendLists).toHaveLength(Number(planned));
    expect(sendLists.every((row) => row.status === "complete")).toBe(true);

    // A campaign sent later, then a wake-up that is no press: the connection drops and comes back.
    const later = app.sandbox.sendCampaign({ name: "Sent while you were away", sends: 700 });
    await browser.context.setOffline(true);
    await browser.context.setOffline(false);
    const laterList = sendsDatasetId(accountId, "v3", later.primaryActivityId);
    const laterV2 = sendsDatasetId(accountId, "v2", later.v2Id);
    await bothComplete(page, [laterList, laterV2]);
    const after = await database(page);
    for (const dataset of [laterList, laterV2]) {
      expect(after.syncState?.find((row) => row.dataset === dataset)).toMatchObject({ rows: 700 });
    }
    await progress.getByText("2 of 2 send lists fetched").waitFor({ timeout: ROUND_MS });
    // The page never left Settings: no Sync button was pressed.
    expect(new URL(page.url()).pathname).toBe("/settings");
  });
});
