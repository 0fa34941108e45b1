import type { BrowserContext, Page } from "playwright-core";
import { round } from "./bundle";
import { countLongTasks, installPaintWatch, paintedAt } from "./ui";

const ROW = ".sends-table tbody tr";
/** The search box waits this long after the last keystroke (src/ui/sends/SendsSearchForm.tsx). */
const TYPING_PAUSE_MS = 200;
const PAGES_TURNED = 20;

const sendsPath = (dataset: string) => `/campaigns/${encodeURIComponent(dataset)}/sends`;

/**
 * Resolves, at the first animation frame where `test(arg)` holds, with the page's clock then.
 * A string, not a function: tsx's name helpers do not exist in the page.
 */
function frameWhen(page: Page, test: string, arg: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const holds = ${test};
    const check = () => (holds(${JSON.stringify(arg)}) ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })`);
}

/** Types a prefix; its own answer time, the typing pause excluded. Clears the box after. */
async function timeSearch(page: Page, prefix: string): Promise<number> {
  const input = page.getByRole("searchbox", { name: "Email or name starts with" });
  const typedAt = await page.evaluate(() => performance.now());
  await input.fill(prefix);
  // Answered: every row on screen now has a cell starting with the prefix.
  const answeredAt = await frameWhen(
    page,
    `(p) => { const rows = [...document.querySelectorAll(${JSON.stringify(ROW)})]; return rows.length > 0 && rows.every((tr) => [...tr.querySelectorAll("td")].some((td) => td.textContent.trim().toLowerCase().startsWith(p))); }`,
    prefix,
  );
  await input.fill("");
  await page.waitForTimeout(TYPING_PAUSE_MS * 3);
  return round(answeredAt - typedAt - TYPING_PAUSE_MS);
}

/**
 * The Sends screen over the synced campaign: in-app navigation to the first painted row, a prefix
 * search (its own time, the typing pause excluded), long tasks while paging through, and the
 * last row reached.
 */
export async function measureList(context: BrowserContext, appUrl: string, dataset: string) {
  const page = await context.newPage();
  await page.goto(`${appUrl}/campaigns`);
  const link = page.locator(`a[href="${sendsPath(dataset)}"]`);
  await link.waitFor();
  const clickedAt = await page.evaluate(() => performance.now());
  await link.click();
  const firstRowAt = await frameWhen(
    page,
    "() => document.querySelector('.sends-table tbody tr') !== null",
    "",
  );

  // Prefixes from a row far down the first page, so the unfiltered page does not match already:
  // the address up to its "@" (looking for one person; six letters would only be a first name in
  // the sandbox's `first.last123@` addresses) and three letters (browsing: thousands at 1M).
  const sample = ((await page.locator(`${ROW} td.email`).nth(50).textContent()) ?? "").toLowerCase();
  const searchMs = await timeSearch(page, sample.split("@")[0] ?? sample);
  const broadSearchMs = await timeSearch(page, sample.slice(0, 3));

  const longTasks = await countLongTasks(page);
  const next = page.getByRole("button", { name: "Next ›" });
  for (let i = 0; i < PAGES_TURNED; i++) await next.click();
  await page.getByRole("button", { name: "Last »" }).click();
  await page.getByRole("button", { name: "Last »" }).and(page.locator(":disabled")).waitFor();
  const lastEmail = (await page.locator(`${ROW} td.email`).last().textContent()) ?? "";
  const tasks = await longTasks();
  const oldest = await oldestEmail(context, appUrl, dataset);
  await page.close();
  return {
    first_paint_ms: round(firstRowAt - clickedAt),
    search_ms: searchMs,
    search_broad_ms: broadSearchMs,
    long_tasks_over_50ms: tasks,
    last_row_reached: lastEmail === oldest,
    pages_turned: PAGES_TURNED + 1,
  };
}

async function oldestEmail(context: BrowserContext, appUrl: string, dataset: string): Promise<string> {
  const bench = await context.newPage();
  await bench.goto(`${appUrl}/__bench/index.html`);
  await bench.waitForFunction(() => "mailroomBench" in window);
  const email = await bench.evaluate((d) => window.mailroomBench.oldestEmail(d), dataset);
  await bench.close();
  return email;
}

/** Offline cold start with the worker installed: navigation start to the first cached activity. */
export async function measureOfflineStart(context: BrowserContext, appUrl: string) {
  await context.setOffline(true);
  const page = await context.newPage();
  await installPaintWatch(page, ".activity-card");
  try {
    await page.goto(`${appUrl}/activities`);
    const painted = await paintedAt(page);
    return { offline_first_data_ms: round(painted) };
  } catch (error) {
    const shown = await page.evaluate(() => document.body.textContent.slice(0, 300)).catch(() => "");
    throw new Error(`No cached activity painted offline; the page showed: ${shown}`, { cause: error });
  } finally {
    await page.close();
    await context.setOffline(false);
  }
}
