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

/** A page's long tasks, kept with their start on the page's clock, to count those of one span. */
export interface LongTaskLog {
  /** The page's clock (`performance.now()`), to mark a span's ends with. */
  now(): Promise<number>;
  /** Long tasks (> 50 ms) that overlap [from, to]. */
  countBetween(from: number, to: number): Promise<number>;
}

/**
 * Logs every long task of the page, the ones before this call too (`buffered`), so the count of a
 * span cannot miss one that began while the observer was being set up.
 */
export async function watchLongTasks(page: Page): Promise<LongTaskLog> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTaskSpans: [number, number][] };
    w.__longTaskSpans = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.duration > 50) w.__longTaskSpans.push([entry.startTime, entry.startTime + entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
  return {
    now: () => page.evaluate(() => performance.now()),
    countBetween: (from, to) =>
      page.evaluate(
        ([a, b]) =>
          (window as unknown as { __longTaskSpans: [number, number][] }).__longTaskSpans.filter(
            ([start, end]) => end >= a && start <= b,
          ).length,
        [from, to] as const,
      ),
  };
}

/** How long frameWhen waits before it says what the page showed instead. */
const FRAME_DEADLINE_MS = 30_000;

/**
 * Resolves, at the first animation frame where `test(arg)` holds, with the page's clock then;
 * rejects past FRAME_DEADLINE_MS with the start of what the page showed, instead of waiting for
 * ever. A string, not a function: tsx's name helpers do not exist in the page.
 */
export function frameWhen(page: Page, test: string, arg: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const holds = ${test};
    const deadline = performance.now() + ${FRAME_DEADLINE_MS};
    const check = () => {
      if (holds(${JSON.stringify(arg)})) resolve(performance.now());
      else if (performance.now() > deadline)
        reject(new Error("Not seen in ${FRAME_DEADLINE_MS / 1000} s (" + ${JSON.stringify(arg)} + "); the page showed: " + document.body.innerText.slice(0, 400)));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}
