import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/sandbox/random";
import { type RunningApp, startApp } from "../e2e/support/app";
import { launchPersistent, type PersistentBrowser } from "../e2e/support/browser";
import {
  datasetOf,
  primarySendList,
  storedRowCount,
  storedSends,
  syncButton,
} from "../e2e/support/sendLists";
import { connectSandboxAccount } from "../e2e/support/signIn";

// The long variant of test/e2e/kills.e2e.ts, as issue #10 states it: a 200,000-send first sync
// closed at 20 seeded random moments, then resumed to exactly the sandbox's rows. It lives outside
// the default E2E include (minutes of CPU on a shared machine) and runs with `npm run test:long`,
// which .ci/run calls when MAILROOM_LONG=1. At Constant Contact's 4 requests a second, 400 pages
// would take minutes per kill, so the sandbox's limit is off and the account syncs unpaced: the
// data layer honours `requestsPerSecond: 0` for sandbox accounts only (src/sync/pacer.ts), set
// here straight in IndexedDB as the bench does (bench/page/entry.ts).

const KILLS = Number(process.env.MAILROOM_KILLS ?? 20);
const SENDS = Number(process.env.MAILROOM_LONG_SENDS ?? 200_000);
const CAMPAIGN = "Annual report (big)";

let app: RunningApp;
let browser: PersistentBrowser;

beforeEach(async () => {
  app = await startApp({ bigCampaignSends: SENDS, rateLimit: 0, tokenRateLimit: 0 });
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

/** Turns off per-second pacing for every (sandbox) account on this device. */
function syncUnpaced(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("mailroom");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("accounts", "readwrite");
          const store = tx.objectStore("accounts");
          const all = store.getAll();
          let changed = 0;
          all.onsuccess = () => {
            for (const account of all.result as { sandbox: boolean; requestsPerSecond?: number }[]) {
              if (!account.sandbox) continue;
              store.put({ ...account, requestsPerSecond: 0 });
              changed += 1;
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(changed);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

describe(`a first sync of ${SENDS.toLocaleString("en-US")} sends killed at random moments`, () => {
  it(`resumes after each of ${KILLS} closed tabs and ends with exactly the sandbox's rows`, async () => {
    const setup = await browser.context.newPage();
    await connectSandboxAccount(setup, app.url);
    expect(await syncUnpaced(setup), "no sandbox account to unpace").toBeGreaterThan(0);
    await setup.goto(`${app.url}/campaigns`);
    const dataset = await datasetOf(primarySendList(setup, CAMPAIGN));
    const random = mulberry32(20261125);
    const progress: number[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const page = await browser.context.newPage();
      await page.goto(`${app.url}/campaigns`);
      await syncButton(primarySendList(page, CAMPAIGN)).click();
      // About 4 s apart on average: the 20 kills land all along the sync, not only in its first part.
      await page.waitForTimeout(500 + Math.floor(random() * 7_000));
      await page.close();
      progress.push(await storedRowCount(setup, dataset));
    }

    const started = Date.now();
    const last = await browser.context.newPage();
    await last.goto(`${app.url}/campaigns`);
    const list = primarySendList(last, CAMPAIGN);
    await syncButton(list).click();
    const total = SENDS.toLocaleString("en-US");
    await list.getByText(`${total} of ${total} sends cached`).waitFor({ timeout: 900_000 });
    const stored = await storedSends(last, dataset);
    const interrupted = progress.filter((rows) => rows > 0 && rows < SENDS).length;
    console.log(
      `long kills: ${KILLS} tabs closed (${interrupted} part-way; rows after each: ${progress.join(", ")}); ` +
        `last run ${Math.round((Date.now() - started) / 1000)} s; ` +
        `${stored.rows} rows, ${stored.contacts} distinct, ${SENDS - stored.contacts} lost, ${stored.rows - stored.contacts} duplicated`,
    );

    expect(interrupted, "the kills did not interrupt the sync part-way more than once").toBeGreaterThan(1);
    expect(stored).toEqual({ rows: SENDS, contacts: SENDS });
  }, 1_800_000);
});
