import type { BrowserContext, Page } from "playwright-core";
import { round } from "./bundle";
import { sendsPath } from "./listBench";
import { untilQuiet } from "./quiet";
import { watchLongTasks } from "./ui";

/** The sandbox's stats key for v3 send pages (src/sandbox/routes/index.ts). */
const SENDS_ROUTE = "GET /v3/reports/email_reports/{campaign_activity_id}/tracking/sends";

export interface SyncBenchContext {
  context: BrowserContext;
  appUrl: string;
  /** The bench page (bench/page/entry.ts), on the app's origin and profile. */
  bench: Page;
  dataset: string;
  /** The sandbox's requests answered so far, by route. */
  byPath: () => Record<string, number>;
  /** API requests the sandbox answered so far, CORS preflights left out. */
  apiRequests: () => number;
}

/**
 * The worker's polling of import/export activities, which an open app page keeps going every few
 * seconds: not the sync's work, so counted apart (`activity_poll_requests`).
 */
const isActivityPoll = (route: string) => /^GET \/v[23]\/activities(\/|$)/.test(route);

const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);

/**
 * The app's first sync of the send list, run from the bench page while a page of the app keeps
 * the Campaigns screen open (as a user watching it would): its rate and requests, the IndexedDB
 * growth per row, the long tasks on the open screen, then plain Dexie's limit on the same rows.
 */
export async function measureFirstSync(s: SyncBenchContext) {
  const screen = await s.context.newPage();
  await screen.goto(`${s.appUrl}/campaigns`);
  await screen.locator(`a[href="${sendsPath(s.dataset)}"]`).waitFor();
  const longTasks = await watchLongTasks(screen);
  // The open screen starts the worker's activity round: let it end before counting requests.
  await untilQuiet(s.apiRequests);

  const storageBefore = await s.bench.evaluate(() => window.mailroomBench.storageUsage());
  const before = s.apiRequests();
  const byPathBefore = s.byPath();
  const from = await longTasks.now();
  const sync = await s.bench.evaluate((d) => window.mailroomBench.sync(d), s.dataset);
  const to = await longTasks.now();
  const allRequests = s.apiRequests() - before;
  const byPath = s.byPath();
  const storageAfter = await s.bench.evaluate(() => window.mailroomBench.storageUsage());
  const tasks = await longTasks.countBetween(from, to);
  await screen.close();

  // What reached the sandbox during the sync, by route, preflights left out.
  const during = Object.entries(byPath)
    .map(([route, count]) => [route, count - (byPathBefore[route] ?? 0)] as const)
    .filter(([route, count]) => count > 0 && route !== "OPTIONS");
  const polls = during.filter(([route]) => isActivityPoll(route)).reduce((sum, [, count]) => sum + count, 0);
  const pageRequests = during.find(([route]) => route === SENDS_ROUTE)?.[1] ?? 0;
  // Whatever else the sync asked for, by route: the requests figure's other part.
  const others = during
    .filter(([route]) => route !== SENDS_ROUTE && !isActivityPoll(route))
    .map(([route, count]) => `${route} ×${count}`)
    .join("; ");
  const rawPut = await s.bench.evaluate((d) => window.mailroomBench.rawPut(d), s.dataset);
  // The closed screen's worker round, if one began meanwhile, must not count for the re-sync.
  await untilQuiet(s.apiRequests);
  const syncRate = perSecond(sync.rows, sync.ms);
  const rawPutRate = perSecond(rawPut.rows, rawPut.ms);
  return {
    sync: {
      raw_bulkput_rows_per_s: rawPutRate,
      rows_per_s: syncRate,
      ratio: round(syncRate / rawPutRate, 2),
      requests: allRequests - polls,
      page_requests: pageRequests,
      other_requests: others || "none",
      activity_poll_requests: polls,
      rows: sync.rows,
      long_tasks_over_50ms: tasks,
    },
    storage: {
      bytes_per_send: round((storageAfter.bytes - storageBefore.bytes) / sync.rows),
      growth_mb: round((storageAfter.bytes - storageBefore.bytes) / 2 ** 20),
      source: storageAfter.source,
    },
  };
}
