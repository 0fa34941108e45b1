// `npm run bench -- --account`: the People figures of issue 15 over a whole account, the
// sandbox's "bench-account" (50 send lists, about a million sends: one of 200,000, one of 100,000
// sharing most of its people, 48 of 16,000, drawn from one overlapping audience), in Chromium.
import { startStaticServer } from "../scripts/lib/static-server";
import { startSandboxServer } from "../src/sandbox/node/serve";
import { connectSandboxAccount } from "../test/e2e/support/signIn";
import { browserVersion, openBenchPage, openBrowser } from "./browser";
import { buildForBench } from "./build";
import { untilQuiet } from "./quiet";
import { type Results, writeReport } from "./report";
import { watchLongTasks } from "./ui";

const NAMES = { big: "Annual report (200k)", overlapping: "Customer update (100k)" };

export async function runAccountBench(out: string): Promise<void> {
  console.log("Mailroom People bench: the bench-account. Building…");
  const dist = await buildForBench();
  const sandbox = await startSandboxServer({
    port: 0,
    config: { audience: "bench-account", rateLimit: 0, latencyMs: 0, autoApprove: true },
  });
  const app = await startStaticServer({ root: dist, sandboxOrigin: sandbox.url });
  sandbox.allowOrigin(app.url);
  const browser = await openBrowser();
  const results: Results = {};
  try {
    const page = await browser.context.newPage();
    await connectSandboxAccount(page, app.url);
    await page.close();
    const apiRequests = () => sandbox.sandbox.stats().total;
    await untilQuiet(apiRequests);
    const bench = await openBenchPage(browser.context, app.url);
    console.log("sync of every send list…");
    const synced = await bench.evaluate(() => window.mailroomBench.people.syncAccount());
    console.log("people…");
    const longTasks = await watchLongTasks(bench);
    const from = await longTasks.now();
    const figures = await bench.evaluate((names) => window.mailroomBench.people.measure(names), NAMES);
    const to = await longTasks.now();
    results.account = { lists: synced.lists, rows: synced.rows, sync_s: Math.round(synced.ms / 1000) };
    results.people = { ...figures, long_tasks_over_50ms: await longTasks.countBetween(from, to) };
    results.env = {
      browser: await browserVersion(browser.context),
      date: new Date().toISOString(),
      cpus: (await import("node:os")).cpus().length,
      node: process.version,
    };
    writeReport(results, out);
  } finally {
    await browser.close().catch((error: unknown) => console.error(error));
    await Promise.all([app.close(), sandbox.close()]);
  }
}
