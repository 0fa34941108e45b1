import type { BrowserContext } from "playwright-core";
import type { StaticServer } from "../scripts/lib/static-server";
import { startSandboxServer } from "../src/sandbox/node/serve";
import { connectSandboxAccount } from "../test/e2e/support/signIn";
import { openBenchPage } from "./browser";
import { round } from "./bundle";

/** Long enough for a steady rate at 4 requests/s, short enough for a bench run. */
const PACED_RUN_MS = 15_000;
const TEN_K_CAMPAIGN = "Member update (10k)";

/**
 * A second sandbox that limits to the real 4 requests/s, and a second account on it with the
 * real pacing: the rate Mailroom holds, and how often the server had to refuse it.
 */
export async function measurePaced(context: BrowserContext, app: StaticServer) {
  const limited = await startSandboxServer({ port: 0, config: { rateLimit: 4, autoApprove: true } });
  app.setSandboxOrigin(limited.url);
  try {
    const page = await context.newPage();
    await connectSandboxAccount(page, app.url);
    // No app tab open while measuring: the worker's activity polling would share the 4/s budget.
    await page.close();
    const bench = await openBenchPage(context, app.url);
    const { dataset } = await bench.evaluate(
      (name) => window.mailroomBench.sendList(name, false),
      TEN_K_CAMPAIGN,
    );
    const before = limited.sandbox.stats();
    const started = Date.now();
    await bench.evaluate(([d, ms]) => window.mailroomBench.syncFor(d, ms), [dataset, PACED_RUN_MS] as const);
    const seconds = (Date.now() - started) / 1000;
    const after = limited.sandbox.stats();
    // CORS preflights are the browser's, not Mailroom's, and the sandbox does not limit them.
    const requests =
      after.total - before.total - ((after.byPath.OPTIONS ?? 0) - (before.byPath.OPTIONS ?? 0));
    await bench.close();
    return {
      requests_per_s: round(requests / seconds, 2),
      throttled: after.throttled - before.throttled,
      requests,
    };
  } finally {
    await limited.close();
  }
}
