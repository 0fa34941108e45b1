import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/sandbox/random";
import { freshAppAndBrowserEachTest, signedInOnCampaigns } from "./support/perTest";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";

// Closing the tab in the middle of a first sync, again and again, must never lose or duplicate a
// row: every page is written in the same transaction as the checkpoint the next run resumes from.
const KILLS = Number(process.env.MAILROOM_KILLS ?? 20);
const CAMPAIGN = "Member update (10k)";
const EXPECTED_SENDS = 10_000;

const each = freshAppAndBrowserEachTest();

describe("a first sync killed at random moments", () => {
  it(`resumes after each of ${KILLS} closed tabs and ends with exactly the sandbox's rows`, async () => {
    const setup = await each.browser.context.newPage();
    await signedInOnCampaigns(setup, each.app.url);
    const dataset = await datasetOf(primarySendList(setup, CAMPAIGN));
    const random = mulberry32(20261125);
    const progress: number[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const page = await each.browser.context.newPage();
      await page.goto(`${each.app.url}/campaigns`);
      const list = primarySendList(page, CAMPAIGN);
      await syncButton(list).click();
      await page.waitForTimeout(150 + Math.floor(random() * 1_200));
      await page.close();
      progress.push((await storedSends(setup, dataset)).rows);
    }

    const last = await each.browser.context.newPage();
    await last.goto(`${each.app.url}/campaigns`);
    const list = primarySendList(last, CAMPAIGN);
    await syncButton(list).click();
    await list
      .getByText(
        `${EXPECTED_SENDS.toLocaleString("en-US")} of ${EXPECTED_SENDS.toLocaleString("en-US")} sends cached`,
      )
      .waitFor({ timeout: 60_000 });

    // The kills really interrupted the sync part-way, more than once.
    expect(progress.filter((rows) => rows > 0 && rows < EXPECTED_SENDS).length).toBeGreaterThan(1);
    expect(await storedSends(last, dataset)).toEqual({ rows: EXPECTED_SENDS, contacts: EXPECTED_SENDS });
  });
});
