import type { Page, Request } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POLL_FAST_MS } from "../../src/sync/pollSchedule";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { connectSandboxAccount } from "./support/signIn";
import { waitForController } from "./support/worker";

/** Generous time for one poll round (a detail request per unfinished job, at 4/s) on a busy machine. */
const ROUND_TIME_MS = 10_000;

let app: RunningApp;
let browser: PersistentBrowser;

beforeEach(async () => {
  app = await startApp();
  browser = await launchPersistent({ permissions: ["notifications"] });
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

/** Detail requests for single activities (`/v3/activities/{id}`): what a poll round sends. */
function recordPolls(): { all: Request[]; since(at: number): Request[] } {
  const seen: { at: number; request: Request }[] = [];
  browser.context.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (
      request.url().startsWith(app.sandboxUrl) &&
      request.method() === "GET" &&
      /^\/v[23]\/activities\/./.test(path)
    )
      seen.push({ at: Date.now(), request });
  });
  return {
    get all() {
      return seen.map((s) => s.request);
    },
    since: (at) => seen.filter((s) => s.at >= at).map((s) => s.request),
  };
}

/** The worker's `poll-started` and `poll-finished` broadcasts, as one page hears them. */
async function listenForRounds(page: Page): Promise<() => Promise<Round[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __rounds: unknown[] };
    w.__rounds = [];
    new BroadcastChannel("mailroom").onmessage = (event) => {
      if (event.data?.type === "poll-started") w.__rounds.push({ startedAt: Date.now() });
      if (event.data?.type === "poll-finished") {
        const round = w.__rounds.at(-1) as { nextAt?: number } | undefined;
        if (round) round.nextAt = Date.now() + event.data.nextPollInMs;
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as { __rounds: Round[] }).__rounds);
}

interface Round {
  startedAt: number;
  /** When the schedule said the next round is due. */
  nextAt?: number;
}

async function signedInPage(options = { waitForFirstRefresh: true }): Promise<Page> {
  const page = await browser.context.newPage();
  await connectSandboxAccount(page, app.url);
  // Reloaded once if the worker has not taken it (support/worker.ts says why).
  await waitForController(page, { timeout: 30_000, reloadIfUnclaimed: true });
  await page.getByText("Running", { exact: true }).first().waitFor();
  // The first visit fetches every activity's detail: wait for it, so what follows is polling.
  if (options.waitForFirstRefresh)
    await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 60_000 });
  return page;
}

const leaderLocks = (page: Page) =>
  page.evaluate(async () => {
    const state = await navigator.locks.query();
    const named = (list: LockInfo[] | undefined) =>
      (list ?? []).filter((l) => l.name === "mailroom-poll-leader").length;
    return { held: named(state.held), pending: named(state.pending) };
  });

describe("background polling through the service worker", () => {
  it("polls from the worker, shows a job finished within one interval, and notifies", async () => {
    const polls = recordPolls();
    const page = await signedInPage();
    const pollingFrom = Date.now();
    const running = page.locator(".activity-card", { has: page.getByText("Running", { exact: true }) });
    expect(await running.count()).toBeGreaterThan(0);

    // Wait for a round to end, so the schedule in force (backed off or not) is known.
    const rounds = await listenForRounds(page);
    await expect.poll(async () => (await rounds()).some((r) => r.nextAt), { timeout: 90_000 }).toBe(true);

    // Every running job in the sandbox reaches its end.
    app.sandbox.advance(60 * 60_000);
    const ended = Date.now();
    await expect.poll(() => running.count(), { timeout: 120_000 }).toBe(0);
    const shownAt = Date.now();
    // Shown by the next round the schedule called for, at the latest (plus that round's own time).
    const scheduled = (await rounds()).filter((r) => r.startedAt < ended).map((r) => r.nextAt ?? 0);
    const due = Math.max(ended, ...scheduled);
    expect(shownAt - due).toBeLessThan(ROUND_TIME_MS);

    const polled = polls.since(pollingFrom);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.filter((request) => request.serviceWorker() === null)).toEqual([]);

    const titles = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title),
      );
    await expect
      .poll(async () => (await titles()).some((title) => / (finished|failed)$/.test(title)), {
        timeout: 20_000,
      })
      .toBe(true);
  });

  it("elects one tab: two tabs poll no more often than one, and closing it hands over", async () => {
    const first = await signedInPage();
    const second = await browser.context.newPage();
    await second.goto(`${app.url}/activities`);
    await second.getByText("Running", { exact: true }).first().waitFor();
    expect(await leaderLocks(second)).toEqual({ held: 1, pending: 1 });

    // Rounds back off while jobs stay unfinished; jobs ending bring the quick schedule back. The
    // user's "Check now" shows the ends at once instead of after a backed-off wait (up to a minute).
    app.sandbox.advance(60 * 60_000);
    await second.getByRole("button", { name: "Check running jobs now" }).click();
    await expect
      .poll(
        () => second.locator(".activity-card", { has: second.getByText("Running", { exact: true }) }).count(),
        {
          timeout: 120_000,
        },
      )
      .toBe(0);
    const rounds = await listenForRounds(second);
    await expect.poll(async () => (await rounds()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const seen = await rounds();
    // One driver starts each round when the schedule says; a second driver would start rounds early.
    for (let i = 1; i < seen.length; i++) {
      const due = seen[i - 1]?.nextAt;
      if (due !== undefined) expect(seen[i]?.startedAt).toBeGreaterThan(due - 1_000);
    }

    // The elected tab goes: the other takes the lock and polls at once.
    await first.close();
    const before = (await rounds()).length;
    // The new leader asks at once; a round already under way absorbs that, the next one follows it.
    await expect
      .poll(async () => (await rounds()).length, { timeout: 3 * POLL_FAST_MS })
      .toBeGreaterThan(before);
    expect(await leaderLocks(second)).toEqual({ held: 1, pending: 0 });
  }, 240_000);

  it("pauses while offline, says so, and resumes on reconnect", async () => {
    const polls = recordPolls();
    const page = await signedInPage();
    await browser.context.setOffline(true);
    const cut = Date.now();
    await page.getByText("Offline — showing cached data").waitFor();
    await page.waitForTimeout(2 * POLL_FAST_MS);
    expect(polls.since(cut + 1_000).filter((request) => request.failure() === null)).toEqual([]);

    await browser.context.setOffline(false);
    const back = Date.now();
    await expect.poll(() => polls.since(back).length, { timeout: POLL_FAST_MS }).toBeGreaterThan(0);
  });

  it("tells an open tab to reload when a newer Mailroom upgrades the database in another tab", async () => {
    const page = await signedInPage({ waitForFirstRefresh: false });
    const newer = await browser.context.newPage();
    await newer.goto(`${app.url}/manifest.webmanifest`);
    // What a newer build does on its first open: ask for a higher schema version.
    const upgraded = await newer.evaluate(async () => {
      const current = (await indexedDB.databases()).find((d) => d.name === "mailroom")?.version ?? 0;
      return new Promise<number>((resolve, reject) => {
        const request = indexedDB.open("mailroom", current + 10);
        request.onsuccess = () => {
          request.result.close();
          resolve(current + 10);
        };
        request.onerror = () => reject(request.error);
      });
    });
    expect(upgraded).toBeGreaterThan(10);
    await page.getByText("Mailroom was updated in another tab.").waitFor();
    expect(await page.getByRole("button", { name: "Reload this tab" }).isVisible()).toBe(true);
  });
});
