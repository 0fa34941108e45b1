import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import type { Send } from "../../../src/db/types";
import { syncSends } from "../../../src/sync";
import { countAllSends, putSends, rewriteList } from "../../support/sends";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

/** A row the server does not have (it dropped it, or its time moved): only a resync can clear it. */
function staleRow(dataset: string, sentAt: string): Send {
  return { dataset, contactId: "gone-1", email: "gone@x.test", sentAt };
}

describe("Sync everything again", () => {
  it("v3: repairs a partial list whose missing rows are older than the newest held", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big"); // 2,345 sends: 5 pages, newest first
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    // 50 of the oldest rows lost, and one row the server no longer has.
    await rewriteList(dataset, (rows) => [staleRow(dataset, "2020-01-01T00:00:00.000Z"), ...rows.slice(50)]);
    // An ordinary sync stops at the newest held rows: it can never fetch the older ones.
    await syncSends(dataset, { deps: s.deps });
    expect(await db().syncState.get(dataset)).toMatchObject({
      status: "partial",
      rows: 2_296,
      expectedRows: 2_345,
    });

    await syncSends(dataset, { deps: s.deps, full: true });

    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({ status: "complete", rows: 2_345, expectedRows: 2_345, mode: "first" });
    expect(state?.resyncCopy).toBeUndefined();
  });

  it("ends with exactly the server's rows after the server's data changed: new sends in, stale rows out, no duplicate", async () => {
    freshDb();
    const s = await sandboxSession();
    const live = campaignByKey(s.sandbox, "live");
    const dataset = sendsDatasetId(s.account.id, "v2", live.v2Id);
    await syncSends(dataset, { deps: s.deps });
    await putSends([staleRow(dataset, "2020-01-01T00:00:00.000Z")]);
    s.sandbox.advance(30 * 60_000); // the campaign is still sending: 60 new sends
    const expected = expectedV2Keys(s.sandbox, live.v2Id);

    await syncSends(dataset, { deps: s.deps, full: true });

    expect(await heldKeys(dataset)).toEqual(expected);
    expect(await countAllSends()).toBe(expected.length);
    expect(await db().syncState.get(dataset)).toMatchObject({ status: "complete", rows: expected.length });
  });

  it("keeps the held rows while it runs; stopped, it resumes as a resync and then drops the stale ones", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    await putSends([staleRow(dataset, "2020-01-01T00:00:00.000Z")]);
    const inner = s.deps.fetch as typeof fetch;
    const stop = new AbortController();
    let pages = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await inner(input, init);
      if (new URL(new Request(input, init).url).pathname.endsWith("/tracking/sends") && ++pages === 2)
        stop.abort(new DOMException("The user cancelled", "AbortError"));
      return response;
    };

    await expect(
      syncSends(dataset, { deps: { ...s.deps, fetch }, full: true, signal: stop.signal }),
    ).rejects.toThrow();

    // Stopped half-way: every old row is still there (the stale one too), nothing twice.
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({ status: "stopped", stopReason: "cancelled" });
    expect(state?.resyncCopy).toBeDefined();
    expect(state?.nextLink).toBeDefined();
    expect(await countAllSends()).toBe(2_345 + 1);

    await syncSends(dataset, { deps: s.deps });

    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect(await db().syncState.get(dataset)).toMatchObject({ status: "complete", rows: 2_345 });
  });

  it("an ordinary sync after a resync that stored no page is not a resync (drops nothing)", async () => {
    freshDb();
    const s = await sandboxSession();
    const tiny = campaignByKey(s.sandbox, "tiny");
    const dataset = sendsDatasetId(s.account.id, "v3", tiny.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    const failing: typeof globalThis.fetch = async (input, init) =>
      new URL(new Request(input, init).url).pathname.endsWith("/tracking/sends")
        ? new Response("[]", { status: 404 })
        : (s.deps.fetch as typeof fetch)(input, init);
    await expect(syncSends(dataset, { deps: { ...s.deps, fetch: failing }, full: true })).rejects.toThrow();

    await syncSends(dataset, { deps: s.deps });

    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, tiny.primaryActivityId));
    expect((await db().syncState.get(dataset))?.resyncCopy).toBeUndefined();
  });
});
