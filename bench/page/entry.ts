// The bench page: the app's own modules, on the app's origin (so, the app's IndexedDB), exposed to
// bench/run.ts. Nothing here is part of the app's build.
import { db, sendsDatasetId } from "../../src/db";
import { exportSends } from "../../src/export";
import { refreshCampaigns, syncSends } from "../../src/sync";
import { people } from "./people";
import { rawBulkPut, rawKeysetRead } from "./raw";
import { countHeld, oldestEmail } from "./sendsTable";

const EXPORT_PAGE = 5_000;

declare global {
  interface Window {
    mailroomBench: typeof bench;
    gc?: () => void;
  }
}

const heapUsed = () =>
  (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

const bench = {
  /** The People figures (bench/page/people.ts). */
  people,

  /**
   * The v3 primary send list of the named campaign of the newest account, after the app's own
   * campaign refresh. `unpaced` lifts the account's 4 requests/s spacing (allowed for sandbox
   * accounts only): the ingest run measures Mailroom, not the pacing.
   */
  async sendList(campaignName: string, unpaced: boolean): Promise<{ accountId: string; dataset: string }> {
    const accounts = await db().accounts.toArray();
    const account = accounts.sort((a, b) => a.createdAt - b.createdAt).at(-1);
    if (!account) throw new Error("No account: the bench signs in through Settings first");
    if (unpaced) await db().accounts.update(account.id, { requestsPerSecond: 0 });
    await refreshCampaigns(account.id);
    const campaign = (await db().campaigns.where({ accountId: account.id }).toArray()).find(
      (c) => c.generation === "v3" && c.name === campaignName,
    );
    if (!campaign) throw new Error(`refreshCampaigns found no v3 campaign named ${campaignName}`);
    const primary = (
      await db()
        .campaignActivities.where({ accountId: account.id, campaignId: campaign.campaignId })
        .toArray()
    ).find((a) => a.role === "primary_email");
    if (!primary) throw new Error(`${campaignName} has no primary_email activity`);
    return { accountId: account.id, dataset: sendsDatasetId(account.id, "v3", primary.campaignActivityId) };
  },

  async sync(dataset: string): Promise<{ ms: number; rows: number }> {
    const started = performance.now();
    await syncSends(dataset);
    const ms = performance.now() - started;
    return { ms, rows: await countHeld(dataset) };
  },

  /** Starts a sync and cancels it after `ms`: the paced run needs only a sample. */
  async syncFor(dataset: string, ms: number): Promise<void> {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), ms);
    await syncSends(dataset, { signal: stop.signal }).catch((error: unknown) => {
      if (!stop.signal.aborted) throw error;
    });
    clearTimeout(timer);
  },

  /** The oldest send of a list: the last row of the Sends screen in its default (newest first) order. */
  oldestEmail: (dataset: string) => oldestEmail(dataset),

  /**
   * The origin's IndexedDB usage as the browser accounts it: Chromium's `usageDetails.indexedDB`
   * when it gives one, else the whole `usage` (which also counts the worker's precache).
   */
  async storageUsage(): Promise<{ bytes: number; source: "indexedDB" | "usage" }> {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: { indexedDB?: number };
    };
    const indexedDb = estimate.usageDetails?.indexedDB;
    if (indexedDb !== undefined) return { bytes: indexedDb, source: "indexedDB" };
    return { bytes: estimate.usage ?? 0, source: "usage" };
  },

  rawRead: (dataset: string) => rawKeysetRead(dataset, EXPORT_PAGE),

  rawPut: (dataset: string) => rawBulkPut(dataset),

  /** The app's export, in its worker, into the "discard" sink: rows/s without a file dialog. */
  async exportRate(dataset: string) {
    const result = await exportSends({
      filter: { datasets: [dataset], order: "asc" },
      fileName: "bench.csv",
      destination: "discard",
      pageSize: EXPORT_PAGE,
      useWorker: true,
    });
    return { rows: result.rows, ms: result.ms };
  },

  /**
   * The same export code run on this page's thread, so `performance.memory` can watch its heap
   * (a worker's heap is not visible from here). Peak minus the settled heap before it starts.
   */
  async exportHeapGrowth(dataset: string): Promise<{ mb: number; rows: number }> {
    window.gc?.();
    const before = heapUsed();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, heapUsed());
    }, 20);
    const result = await exportSends(
      {
        filter: { datasets: [dataset], order: "asc" },
        fileName: "bench.csv",
        destination: "discard",
        pageSize: EXPORT_PAGE,
        useWorker: false,
      },
      {
        onProgress: () => {
          peak = Math.max(peak, heapUsed());
        },
      },
    );
    clearInterval(sampler);
    return { mb: (peak - before) / 2 ** 20, rows: result.rows };
  },
};

window.mailroomBench = bench;
