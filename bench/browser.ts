import type { BrowserContext, Page } from "playwright-core";
import { launchPersistent, type PersistentBrowser } from "../test/e2e/support/browser";

/**
 * One real Chromium profile for the whole run (the worker installs once, as for a real user).
 * `--enable-precise-memory-info` makes `performance.memory` exact instead of bucketed;
 * `--expose-gc` gives the page `window.gc()`, so the export's heap growth starts from a settled
 * heap (without it the call did nothing and the "before" held whatever the list bench left).
 */
export async function openBrowser(): Promise<PersistentBrowser> {
  return launchPersistent({ extraArgs: ["--enable-precise-memory-info", "--js-flags=--expose-gc"] });
}

/** The bench page: same origin as the app, exposing `window.mailroomBench` (bench/page/entry.ts). */
export async function openBenchPage(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/__bench/index.html`);
  await page.waitForFunction(() => "mailroomBench" in window);
  return page;
}

export async function browserVersion(context: BrowserContext): Promise<string> {
  return context.browser()?.version() ?? (await readVersionFromPage(context));
}

async function readVersionFromPage(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const agent = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? agent;
}
