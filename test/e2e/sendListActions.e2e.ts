import { describe, expect, it } from "vitest";
import { freshAppAndBrowserEachTest, signedInOnCampaigns } from "./support/perTest";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";

// The two buttons each send list gained for issue 17, in a real Chromium: Sync everything again
// ends exact, and Remove from this device (confirmed) empties that list and only that one.

const SPRING = 'Spring newsletter 🌷 — Ünïcode, "quotes", commas';
const TINY = "Test send to 3 people";

const each = freshAppAndBrowserEachTest();

describe("a send list's own actions", () => {
  it("Sync everything again ends exact; Remove from this device empties that list only", async () => {
    const page = await each.browser.context.newPage();
    await signedInOnCampaigns(page, each.app.url);
    const spring = primarySendList(page, SPRING);
    const tiny = primarySendList(page, TINY);
    await syncButton(spring).click();
    await spring.getByText("250 of 250 sends cached").waitFor({ timeout: 60_000 });
    await syncButton(tiny).click();
    await tiny.getByText("3 of 3 sends cached").waitFor({ timeout: 60_000 });
    const [springSet, tinySet] = [await datasetOf(spring), await datasetOf(tiny)];

    await spring.getByRole("button", { name: /^Sync everything again/ }).click();
    await spring.getByRole("button", { name: /^Sync everything again/ }).waitFor({ timeout: 60_000 });
    await spring.getByText("250 of 250 sends cached").waitFor({ timeout: 60_000 });
    expect(await storedSends(page, springSet)).toEqual({ rows: 250, contacts: 250 });

    await tiny.getByRole("button", { name: /^Remove from this device/ }).click();
    await tiny
      .getByRole("group")
      .getByText(/Remove the 3 cached sends of Primary email of/)
      .waitFor();
    await tiny.getByRole("button", { name: /^Yes, remove/ }).click();
    await tiny
      .getByRole("status")
      .getByText(/from this device\.$/)
      .waitFor();
    await tiny.getByText("0 sends cached").waitFor();
    expect(await storedSends(page, tinySet)).toEqual({ rows: 0, contacts: 0 });
    expect(await storedSends(page, springSet)).toEqual({ rows: 250, contacts: 250 });
  });
});
