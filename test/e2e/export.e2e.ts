import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import {
  CAMPAIGN_NAME,
  DANGEROUS_START,
  DATASET,
  expectedCells,
  exportThroughTheScreen,
  parseCsv,
  ROWS,
  type SeedSend,
  seedCache,
  seedSends,
  unguard,
  V3_COLUMNS,
} from "./support/hostileSends";
import { waitForController } from "./support/worker";

// The export end to end: a cached v3 send list full of hostile values, the network cut, the Sends
// screen's own Export button at phone width, the download read back by papaparse (an independent
// RFC 4180 parser). Headless Chromium cannot drive the save-file picker, so the test chooses the
// dialog's "downloads folder" option: the Blob download path, which the worker builds page by page.

/** Opens the app until its service worker controls it, then seeds the cache. */
async function openSeeded(sends: SeedSend[]): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${app.url}/campaigns`);
  await waitForController(page);
  await seedCache(page, sends);
  return page;
}

let app: RunningApp;
let browser: PersistentBrowser;

beforeEach(async () => {
  app = await startApp();
  browser = await launchPersistent({ viewport: { width: 360, height: 740 } });
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

describe("CSV export in Chromium", () => {
  it("exports a cached send list with hostile values offline, and papaparse reads back exactly the cached rows", async () => {
    const page = await browser.context.newPage();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(`${app.url}/campaigns`);
    await waitForController(page);
    const sends = seedSends();
    await seedCache(page, sends);

    await browser.context.setOffline(true);
    await page.goto(`${app.url}/campaigns/${encodeURIComponent(DATASET)}/sends`);
    await page.getByRole("heading", { name: `Sends of ${CAMPAIGN_NAME}` }).waitFor();

    const file = await exportThroughTheScreen(page);
    expect(file.name).toMatch(/^mailroom-sends-spring-sale-2026-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(file.bytes);
    expect(header).toEqual(V3_COLUMNS);
    expect(rows.map((row) => row.map(unguard))).toEqual(expectedCells(sends));
    // No cell can run as a formula, and the guard did touch the hostile ones.
    expect(rows.flat().filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);
    expect(rows.flat().filter((cell) => cell.startsWith("'=cmd|")).length).toBeGreaterThan(100);
    await page
      .getByRole("status")
      .filter({ hasText: `Exported ${ROWS.toLocaleString("en")} rows` })
      .waitFor();
    expect(workers.some((url) => /exportWorker/.test(url))).toBe(true);
  });

  it("exports exactly the rows the search shows, oldest first when the screen says so", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/campaigns`);
    await waitForController(page);
    const sends = seedSends();
    await seedCache(page, sends);
    await browser.context.setOffline(true);
    await page.goto(`${app.url}/campaigns/${encodeURIComponent(DATASET)}/sends`);

    // Any part of an email or a name, any case: "=cmd" stands at the start of some, inside others.
    const query = "=CMD";
    const name = (s: SeedSend) =>
      [s.firstName, s.lastName]
        .map((p) => (p ?? "").trim())
        .filter(Boolean)
        .join(" ");
    const matching = sends.filter(
      (s) => s.email.toLowerCase().includes("=cmd") || name(s).toLowerCase().includes("=cmd"),
    );
    await page.getByLabel("Email or name contains").fill(query);
    await page.getByLabel("Order").selectOption("asc");
    await page.getByText(`${matching.length.toLocaleString("en")} sends`).waitFor();

    const [, ...rows] = parseCsv((await exportThroughTheScreen(page)).bytes);
    expect(rows.map((row) => row.map(unguard))).toEqual(expectedCells(matching).reverse());
    expect(matching.length).toBeGreaterThan(100);
  });

  // The picker cannot be driven headless, so a file in the origin-private file system stands in for
  // the handle it returns: the same FileSystemFileHandle type, posted to the built worker chunk.
  it("writes to a file handle from the worker; on cancel removes a new file and keeps an overwritten one", async () => {
    const sends = seedSends();
    const page = await openSeeded(sends);
    await browser.context.setOffline(true);
    const chunk = readdirSync(join(inject("distDir"), "assets")).find((name) =>
      name.startsWith("exportWorker"),
    );
    expect(chunk).toBeDefined();
    const outcome = await page.evaluate(
      async ({ workerUrl, dataset }) => {
        const root = await navigator.storage.getDirectory();
        const run = async (name: string, cancelAfterFirstPage: boolean) => {
          const file = await root.getFileHandle(name, { create: true });
          const worker = new Worker(workerUrl, { type: "module" });
          const job = { kind: "sends", filter: { datasets: [dataset], order: "asc" }, pageSize: 200 };
          const reply = await new Promise<{ type: string; error?: { name: string } }>((resolve) => {
            worker.onmessage = (event) => {
              if (event.data.type !== "progress") resolve(event.data);
              else if (cancelAfterFirstPage && event.data.rows > 0) worker.postMessage({ type: "cancel" });
            };
            worker.postMessage({ type: "start", job, sink: "file", file });
          });
          worker.terminate();
          return reply;
        };
        const done = await run("done.csv", false);
        const written = await (await root.getFileHandle("done.csv")).getFile();
        // Bytes, not text(): decoding as text would drop the BOM the test checks for.
        const bytes = Array.from(new Uint8Array(await written.arrayBuffer()));
        const cancelled = await run("cancelled.csv", true);
        const left = await root.getFileHandle("cancelled.csv").then(
          () => "still there",
          (error: DOMException) => error.name,
        );
        // A file the user chose to overwrite keeps its old content when the export is cancelled.
        const older = await root.getFileHandle("older.csv", { create: true });
        const writable = await older.createWritable();
        await writable.write("old content");
        await writable.close();
        await run("older.csv", true);
        const kept = await (await older.getFile()).text();
        return { done: done.type, bytes, cancelled: cancelled.error?.name, left, kept };
      },
      { workerUrl: `/assets/${chunk}`, dataset: DATASET },
    );
    expect(outcome.done).toBe("done");
    const [, ...rows] = parseCsv(Buffer.from(outcome.bytes));
    expect(rows.map((row) => row.map(unguard))).toEqual(expectedCells(sends).reverse());
    expect(outcome.cancelled).toBe("AbortError");
    expect(outcome.left).toBe("NotFoundError");
    expect(outcome.kept).toBe("old content");
  });
});
