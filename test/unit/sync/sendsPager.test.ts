import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import type { Page } from "../../../src/api/page";
import { db } from "../../../src/db";
import type { SendChunk } from "../../../src/db/sendStore/chunk";
import type { RunningSyncState, Send } from "../../../src/db/types";
import { PAGES_AHEAD, pageThrough } from "../../../src/sync/sendsPager";
import type { SendsSource } from "../../../src/sync/sendsSource";
import { countAllSends } from "../../support/sends";
import { freshDb, makeAccount } from "./support/fakes";

const DATASET = "acc|v3|ca";

/** A list of `pages` pages of 2 rows, newest first, counting the requests made. */
function fakeSource(pages: number) {
  const calls: string[] = [];
  /** Every request made, to wait for those still in flight when a run stops. */
  const requests: Promise<unknown>[] = [];
  const page = (n: number): Page<Send> => ({
    items: [0, 1].map((i) => ({
      dataset: DATASET,
      contactId: `c${n}-${i}`,
      email: "a@b.test",
      sentAt: new Date(Date.UTC(2026, 0, 1) - (n * 2 + i) * 1000).toISOString(),
    })),
    next: n + 1 < pages ? `/page?next=${n + 1}` : undefined,
  });
  const waiting: { count: number; resolve: () => void }[] = [];
  /** Resolves once `count` requests have been made: the event itself, no polling. */
  const reached = (count: number) =>
    new Promise<void>((resolve) => {
      if (calls.length >= count) resolve();
      else waiting.push({ count, resolve });
    });
  const request = (call: string, n: number) => {
    calls.push(call);
    for (const waiter of waiting) if (calls.length >= waiter.count) waiter.resolve();
    const answer = Promise.resolve(page(n));
    requests.push(answer);
    return answer;
  };
  const source: SendsSource = {
    first: () => request("first", 0),
    after: (link) => request(link, Number(new URL(link, "http://x").searchParams.get("next"))),
  };
  return { source, calls, requests, reached };
}

const start: RunningSyncState = {
  dataset: DATASET,
  accountId: "acc",
  kind: "sends",
  status: "running",
  pages: 0,
  rows: 0,
  startedAt: 0,
  runRows: 0,
};

describe("the send pager", () => {
  it(`fetches up to ${PAGES_AHEAD} pages ahead while a page is being written`, async () => {
    await freshDb().accounts.put(makeAccount({ id: "acc" }));
    await db().syncState.put(start); // a run's pages land only while its list is on the device
    const { source, calls, reached } = fakeSource(8);
    const table = db().sendChunks;
    const realBulkPut = table.bulkPut.bind(table);
    const requestsWhenWritten: number[] = [];
    // The first write holds its transaction open (Dexie.waitFor) until the fetches behind it
    // have run as far ahead as they may; a pager that never fetches ahead fails by timing out.
    table.bulkPut = (async (rows: readonly SendChunk[]) => {
      if (requestsWhenWritten.length === 0) await Dexie.waitFor(reached(1 + PAGES_AHEAD));
      requestsWhenWritten.push(calls.length);
      return realBulkPut(rows);
    }) as typeof table.bulkPut;

    const end = await pageThrough(source, { mode: "first" }, start, () => Date.now());
    table.bulkPut = realBulkPut;

    expect(requestsWhenWritten[0]).toBe(1 + PAGES_AHEAD);
    expect(calls).toHaveLength(8);
    expect(end).toMatchObject({ pages: 8, rows: 16, nextLink: undefined });
    expect(await countAllSends()).toBe(16);
  });

  it("stops fetching ahead once the writer fails", async () => {
    await freshDb().accounts.put(makeAccount({ id: "acc" }));
    await db().syncState.put(start); // a run's pages land only while its list is on the device
    const { source, calls, requests } = fakeSource(50);
    const table = db().sendChunks;
    const realBulkPut = table.bulkPut.bind(table);
    let writes = 0;
    table.bulkPut = (async (rows: readonly SendChunk[]) => {
      if (++writes === 2) throw new DOMException("full", "QuotaExceededError");
      return realBulkPut(rows);
    }) as typeof table.bulkPut;

    await expect(pageThrough(source, { mode: "first" }, start, () => Date.now())).rejects.toMatchObject({
      kind: "storage",
    });
    table.bulkPut = realBulkPut;
    // Wait for the requests in flight when the writer failed, and for any each would have led to.
    for (let settled = 0; settled < requests.length; settled = requests.length) {
      await Promise.allSettled(requests.slice(settled));
    }

    expect(calls.length).toBeLessThanOrEqual(2 + PAGES_AHEAD + 1);
    expect(await db().syncState.get(DATASET)).toMatchObject({ pages: 1, nextLink: "/page?next=1" });
  });
});
