import type { Dialog, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { freshAppAndBrowserEachTest } from "./support/perTest";
import { datasetOf, primarySendList, syncButton } from "./support/sendLists";
import { connectSandboxAccount } from "./support/signIn";

// The sandbox's people include names such as <script>alert("x")</script> and <b>Bold</b> & Co, and
// addresses starting with =, +, - (src/sandbox/data/people.ts); its error lines carry those
// addresses. Synced for real and shown on the Sends screen and an activity's detail, each must read
// as the literal text it is: no element made from it, no dialog, no CSP report (browser.close()).

const CAMPAIGN = "Member update (10k)";
const SCRIPT_NAME = '<script>alert("x")</script>';
const HTML_NAME = "<b>Bold</b> & Co";

const each = freshAppAndBrowserEachTest();

/** Every record of one of the app's IndexedDB stores, read with raw IndexedDB. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("mailroom");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
        };
      }),
    store,
  );
}

/** Elements a payload would have made if it had been parsed as HTML rather than set as text. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const script of document.querySelectorAll("script")) {
      if (/alert/.test(script.textContent ?? "")) found.push(`script: ${script.outerHTML}`);
    }
    for (const bold of document.querySelectorAll("main b")) found.push(`b: ${bold.outerHTML}`);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`handler: ${element.outerHTML.slice(0, 120)}`);
      }
    }
    return found;
  });
}

async function searchSends(page: Page, part: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Email or name contains" }).fill(part);
}

describe("hostile strings from Constant Contact", () => {
  it("render as literal text on the Sends screen and in an activity's error lines", async () => {
    const page = await each.browser.context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await connectSandboxAccount(page, each.app.url);

    // A campaign whose name is a spreadsheet formula is shown as that text.
    await page.goto(`${each.app.url}/campaigns`);
    await page.getByRole("heading", { name: "=cmd|' /C calc'!A0 (formula-looking name)" }).first().waitFor();

    const list = primarySendList(page, CAMPAIGN);
    const dataset = await datasetOf(list);
    await syncButton(list).click();
    await list.getByText("10,000 of 10,000 sends cached").waitFor({ timeout: 90_000 });

    await page.goto(`${each.app.url}/campaigns/${encodeURIComponent(dataset)}/sends`);
    const table = page.locator("table.sends-table tbody");

    await searchSends(page, "<script");
    const scriptRows = table.locator("tr", { hasText: SCRIPT_NAME });
    await scriptRows.first().waitFor();
    expect(await scriptRows.first().locator("td").nth(2).textContent()).toContain(SCRIPT_NAME);

    await searchSends(page, "<b>");
    const htmlRows = table.locator("tr", { hasText: HTML_NAME });
    await htmlRows.first().waitFor();
    expect(await htmlRows.first().locator("td").nth(2).textContent()).toContain(HTML_NAME);

    // The search matches names too ("=SUM(1+1)"): look for the addresses among the hits.
    for (const sign of ["=", "+", "-"]) {
      await searchSends(page, sign);
      const email = table.locator("td.email", { hasText: new RegExp(`^\\${sign}\\S+@`) }).first();
      await email.waitFor({ timeout: 10_000 });
      expect(await email.textContent(), `an address starting with ${sign} was altered`).toMatch(
        new RegExp(`^\\${sign}`),
      );
    }
    expect(await injectedElements(page), "the Sends screen made elements from data").toEqual([]);

    // An activity's error lines carry the same kind of addresses.
    await page.goto(`${each.app.url}/activities`);
    type Line = { activityId: string; email?: string; message: string };
    let lines: Line[] = [];
    await expect
      .poll(
        async () => {
          lines = await readStore<Line>(page, "activityErrors");
          return lines.filter((l) => /^[=+-]/.test(l.email ?? "")).length;
        },
        { timeout: 60_000, message: "no error line with a formula-like address was cached" },
      )
      .toBeGreaterThan(0);
    const hostile = lines.find((l) => /^[=+-]/.test(l.email ?? ""));
    if (!hostile?.email) throw new Error("unreachable: the poll above found one");
    const activities = await readStore<{ activityId: string; generation: string }>(page, "activities");
    const activity = activities.find((a) => a.activityId === hostile.activityId);
    if (!activity) throw new Error(`The error lines' activity ${hostile.activityId} is not cached`);

    await page.goto(
      `${each.app.url}/activities/${activity.generation}/${encodeURIComponent(activity.activityId)}`,
    );
    await page.getByRole("searchbox", { name: "Search lines" }).fill(hostile.email);
    const cell = page.getByRole("cell", { name: hostile.email, exact: true }).first();
    await cell.waitFor();
    expect(await cell.textContent()).toBe(hostile.email);
    expect(await injectedElements(page), "the activity detail made elements from data").toEqual([]);

    expect(dialogs, "a payload opened a dialog").toEqual([]);
  });
});
