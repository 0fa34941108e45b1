import type { Page } from "playwright-core";

/**
 * Times "until this selector is on screen" from the page's own navigation start, with a
 * requestAnimationFrame watcher installed before any app script runs: no polling delay from here.
 */
export async function installPaintWatch(page: Page, selector: string): Promise<void> {
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.addInitScript(`{
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) window.__paintedAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }`);
}

export async function paintedAt(page: Page, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __paintedAt?: number }).__paintedAt,
    undefined,
    {
      timeout: timeoutMs,
      polling: 50,
    },
  );
  return (await handle.jsonValue()) as number;
}

/** Long tasks (> 50 ms) on the main thread, counted from the moment this runs. */
export async function countLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number };
    w.__longTasks = 0;
    new PerformanceObserver((list) => {
      w.__longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
    }).observe({ type: "longtask" });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
}
