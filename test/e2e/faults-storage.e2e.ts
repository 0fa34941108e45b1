import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { freshAppAndBrowserEachTest, signedInOnCampaigns } from "./support/perTest";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";
import { connectSandboxAccount } from "./support/signIn";

// Storage that says no. A full disk cannot be made on demand, so the test wraps
// IDBObjectStore.prototype.put before the app loads: once armed, the Nth write to the "sendChunks"
// store throws the DOMException a full origin throws. And Chromium grants persistent storage by
// its own heuristics (engagement, installation), so the refusal is made certain the same way.

const CAMPAIGN = "Member update (10k)";
const EXPECTED_SENDS = 10_000;
// Each page of 500 is one chunk write (merged into its neighbour while they fit 1,000 rows, or
// alone): six pages fit, the seventh does not.
const PUTS_BEFORE_FULL = 6;
const PAGE_ROWS = 500;

declare global {
  interface Window {
    /** Writes to "sendChunks" still allowed before the disk is "full"; undefined = not armed. */
    __quotaLeft?: number;
  }
}

function injectQuota(): void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    if (this.name === "sendChunks" && window.__quotaLeft !== undefined) {
      if (window.__quotaLeft <= 0)
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      window.__quotaLeft -= 1;
    }
    return put.apply(this, args);
  };
}

function refusePersistence(): void {
  StorageManager.prototype.persist = () => Promise.resolve(false);
  StorageManager.prototype.persisted = () => Promise.resolve(false);
}

/** The dataset's sync checkpoint as stored: the rows it counts must be the rows there are. */
function checkpointRows(page: Page, dataset: string): Promise<number | undefined> {
  return page.evaluate(
    (wanted) =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open("mailroom");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("syncState").objectStore("syncState").get(wanted);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { rows?: number } | undefined)?.rows);
          };
        };
      }),
    dataset,
  );
}

const each = freshAppAndBrowserEachTest();

describe("storage that refuses", () => {
  it("stops a sync on QuotaExceededError with a clear message, keeps the cache consistent, and resumes exact", async () => {
    await each.browser.context.addInitScript(injectQuota);
    const page = await each.browser.context.newPage();
    await signedInOnCampaigns(page, each.app.url);
    const list = primarySendList(page, CAMPAIGN);
    const dataset = await datasetOf(list);
    const sync = syncButton(list);

    await page.evaluate((left) => {
      window.__quotaLeft = left;
    }, PUTS_BEFORE_FULL);
    await sync.click();
    await sync.waitFor({ timeout: 90_000 });

    const notice = list.locator(".error-notice");
    await notice.waitFor();
    expect(await notice.locator(".error-title").textContent()).toBe("This device refused to store more");
    expect(await notice.locator(".error-message").textContent()).toMatch(
      /refused to store more data \(storage full or blocked\)/,
    );
    const stopped = await storedSends(page, dataset);
    console.log(
      `quota exceeded: sync stopped with ${stopped.rows} rows stored, ${stopped.contacts} distinct`,
    );
    // The refused page left nothing behind, and the checkpoint counts exactly what is stored.
    expect(stopped.rows, "no page was stored before the disk filled").toBeGreaterThan(0);
    expect(stopped.rows).toBeLessThanOrEqual(PUTS_BEFORE_FULL * PAGE_ROWS);
    expect(stopped.rows % PAGE_ROWS, "part of a page was stored").toBe(0);
    expect(stopped.contacts).toBe(stopped.rows);
    expect(await checkpointRows(page, dataset)).toBe(stopped.rows);

    // Space is freed: the same button resumes from the checkpoint and ends exact.
    await page.evaluate(() => {
      window.__quotaLeft = undefined;
    });
    await sync.click();
    await list.getByText("10,000 of 10,000 sends cached").waitFor({ timeout: 90_000 });
    expect(await storedSends(page, dataset)).toEqual({ rows: EXPECTED_SENDS, contacts: EXPECTED_SENDS });
  });

  it("shows in Settings that storage is not persistent, and that the browser refused to make it so", async () => {
    await each.browser.context.addInitScript(refusePersistence);
    const page = await each.browser.context.newPage();
    await connectSandboxAccount(page, each.app.url);
    await page.goto(`${each.app.url}/settings`);

    const storage = page.getByRole("region", { name: "Storage on this device" });
    await storage.getByText("Storage is not persistent").waitFor();
    await storage.getByRole("button", { name: "Keep Mailroom's data (persistent storage)" }).click();
    await storage.getByRole("status").getByText("The browser refused persistent storage.").waitFor();
    expect(await storage.getByText("Storage is persistent").count(), "a refusal read as granted").toBe(0);
  });
});
