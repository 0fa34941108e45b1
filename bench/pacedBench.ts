import type { StaticServer } from "../scripts/lib/static-server";
import { startSandboxServer } from "../src/sandbox/node/serve";
import { connectSandboxAccount } from "../test/e2e/support/signIn";
import { openBenchPage, openBrowser } from "./browser";
import { round } from "./bundle";
import { untilQuiet } from "./quiet";

/** Long enough for a steady rate at 4 requests/s, short enough for a bench run. */
const PACED_RUN_MS = 15_000;
/** The limited sandbox's big campaign: more pages than the run can fetch, so the rate is steady. */
const LONG_CAMPAIGN = "Annual report (big)";

/**
 * A second sandbox that limits to the real 4 requests/s, and an account on it with the real
 * pacing: the rate Mailroom holds, and how often the server had to refuse it. It runs in a
 * browser profile of its own: right after the big run, the first profile's IndexedDB is still
 * busy with millions of fresh writes (at 1M the paced run held only 0.6 requests/s there, bound
 * by storing, not by pacing).
 */
export async function measurePaced(app: StaticServer) {
  const limited = await startSandboxServer({
    port: 0,
    config: { rateLimit: 4, autoApprove: true, bigCampaignSends: 100_000 },
  });
  app.setSandboxOrigin(limited.url);
  limited.allowOrigin(app.url);
  const browser = await openBrowser();
  const { context } = browser;
  try {
    const page = await context.newPage();
    await connectSandboxAccount(page, app.url);
    // No app tab open while measuring: the worker's activity polling would share the 4/s budget.
    await page.close();
    await untilQuiet(() => limited.sandbox.stats().total);
    const bench = await openBenchPage(context, app.url);
    const { dataset } = await bench.evaluate(
      (name) => window.mailroomBench.sendList(name, false),
      LONG_CAMPAIGN,
    );
    const sent: number[] = [];
    bench.on("request", (request) => {
      if (request.url().startsWith(limited.url) && request.method() === "GET") sent.push(Date.now());
    });
    const before = limited.sandbox.stats();
    await bench.evaluate(([d, ms]) => window.mailroomBench.syncFor(d, ms), [dataset, PACED_RUN_MS] as const);
    const after = limited.sandbox.stats();
    // The steady rate: requests after the first, over the time from the first to the last.
    const seconds = ((sent.at(-1) ?? 0) - (sent[0] ?? 0)) / 1000;
    // CORS preflights are the browser's, not Mailroom's, and the sandbox does not limit them.
    const requests =
      after.total - before.total - ((after.byPath.OPTIONS ?? 0) - (before.byPath.OPTIONS ?? 0));
    await bench.close();
    return {
      requests_per_s: round((sent.length - 1) / seconds, 2),
      throttled: after.throttled - before.throttled,
      requests,
    };
  } finally {
    await browser.close();
    await limited.close();
  }
}
