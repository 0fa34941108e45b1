// `npm run bench [-- --sends N --out FILE]`: builds Mailroom, starts the sandbox, drives the real
// app in Debian's Chromium and writes one JSON document of figures (and a table) — see README,
// "Performance". Not part of `npm test`: figures on a shared 2-core machine are for reading, not
// for failing a build.
import { startStaticServer } from "../scripts/lib/static-server";
import { startSandboxServer } from "../src/sandbox/node/serve";
import { connectSandboxAccount } from "../test/e2e/support/signIn";
import { runAccountBench } from "./accountBench";
import { parseArgs } from "./args";
import { browserVersion, openBenchPage, openBrowser } from "./browser";
import { buildForBench } from "./build";
import { measureBundle, round } from "./bundle";
import { measureList, measureOfflineStart } from "./listBench";
import { measurePaced } from "./pacedBench";
import { untilQuiet } from "./quiet";
import { type Results, writeReport } from "./report";
import { measureFirstSync } from "./syncBench";

/** The sandbox's configurable campaign (src/sandbox/data/campaigns.ts), sized by --sends. */
const BIG_CAMPAIGN = "Annual report (big)";

const args = parseArgs(process.argv.slice(2));
if (args.account) {
  await runAccountBench(args.out);
  process.exit(0);
}
const results: Results = {};
const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
/** API requests the sandbox answered, CORS preflights (the browser's, not Mailroom's) left out. */
const apiRequests = () => {
  const stats = sandbox.sandbox.stats();
  return stats.total - (stats.byPath.OPTIONS ?? 0);
};

console.log(`Mailroom bench: ${args.sends} sends. Building…`);
const dist = await buildForBench();
results.bundle = measureBundle(dist);

const sandbox = await startSandboxServer({
  port: 0,
  config: { bigCampaignSends: args.sends, rateLimit: 0, latencyMs: 0, autoApprove: true },
});
const app = await startStaticServer({ root: dist, sandboxOrigin: sandbox.url });
sandbox.allowOrigin(app.url);
const browser = await openBrowser();
try {
  const page = await browser.context.newPage();
  await connectSandboxAccount(page, app.url);
  // An open app tab drives the worker's polling of activities, which shares the account's 4/s
  // budget: the measured sections run with no app tab open, so they count only their own work
  // (the first sync's Campaigns screen opens once that round has ended; see bench/syncBench.ts).
  await page.close();
  // The worker's first round (activity list and v2 details, at 4/s) outlives the tab: let it end.
  await untilQuiet(apiRequests);
  const bench = await openBenchPage(browser.context, app.url);
  // The sandbox answers at once and sets no limit here: the account may go as fast as it can,
  // so what is measured is Mailroom's ingest, not the pacing (measured apart, below).
  const { dataset } = await bench.evaluate((name) => window.mailroomBench.sendList(name, true), BIG_CAMPAIGN);

  /** A section that fails is reported as such; the others still run and are written. */
  const section = async (name: string, measure: () => Promise<Results[string]>) => {
    console.log(`${name}…`);
    try {
      results[name] = await measure();
    } catch (error) {
      console.error(`${name} failed:`, error);
      results[name] = {
        error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
      };
    }
  };

  // Measured over the first sync: without one, there is no figure.
  let storage: Results[string] = { error: "the first sync failed" };
  await section("sync", async () => {
    const first = await measureFirstSync({
      context: browser.context,
      appUrl: app.url,
      bench,
      dataset,
      byPath: () => sandbox.sandbox.stats().byPath,
      apiRequests,
    });
    storage = first.storage;
    return first.sync;
  });
  results.storage = storage;

  await section("resync", async () => {
    const before = apiRequests();
    await bench.evaluate((d) => window.mailroomBench.sync(d), dataset);
    return { requests: apiRequests() - before };
  });

  await section("export", async () => {
    const rawRead = await bench.evaluate((d) => window.mailroomBench.rawRead(d), dataset);
    const exported = await bench.evaluate((d) => window.mailroomBench.exportRate(d), dataset);
    const heap = await bench.evaluate((d) => window.mailroomBench.exportHeapGrowth(d), dataset);
    const rawReadRate = perSecond(rawRead.rows, rawRead.ms);
    const exportRate = perSecond(exported.rows, exported.ms);
    return {
      raw_read_rows_per_s: rawReadRate,
      rows_per_s: exportRate,
      ratio: round(exportRate / rawReadRate, 2),
      heap_growth_mb: round(heap.mb),
      rows: exported.rows,
    };
  });
  await bench.close();

  await section("list", () => measureList(browser.context, app.url, dataset));
  await section("startup", () => measureOfflineStart(browser.context, app.url));
  await section("paced", () => measurePaced(app));

  results.env = {
    browser: await browserVersion(browser.context),
    sends: args.sends,
    date: new Date().toISOString(),
    cpus: (await import("node:os")).cpus().length,
    node: process.version,
  };
  writeReport(results, args.out);
} finally {
  await browser.close().catch((error: unknown) => console.error(error));
  await Promise.all([app.close(), sandbox.close()]);
}
