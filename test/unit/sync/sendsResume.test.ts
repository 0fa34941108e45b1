import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { countAllSends } from "../../support/sends";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

/** A small deterministic generator: each seed picks its own abort points. */
function generator(seed: number) {
  let x = seed * 7_919 + 13;
  return (below: number) => {
    x = (x * 48_271) % 2_147_483_647;
    return x % below;
  };
}

const isSendsPage = (url: URL) => url.pathname.endsWith("/tracking/sends");

const SENDS = 1_734;
const PAGES = Math.ceil(SENDS / 500);

describe("a sync interrupted at a random page", () => {
  for (const generation of ["v3", "v2"] as const) {
    it(`resumes with no gap and no duplicate (${generation}, 20 seeds, up to 3 interruptions each)`, async () => {
      let resumedFromCheckpoint = 0;
      for (let seed = 1; seed <= 20; seed++) {
        freshDb();
        const s = await sandboxSession({ bigCampaignSends: SENDS });
        const big = campaignByKey(s.sandbox, "big");
        const reportId = generation === "v3" ? big.primaryActivityId : big.v2Id;
        const dataset = sendsDatasetId(s.account.id, generation, reportId);
        const pick = generator(seed);
        const interruptions = 1 + pick(3);
        for (let i = 0; i < interruptions; i++) {
          const remaining = PAGES - (await heldKeys(dataset)).length / 500;
          if (remaining < 1) break;
          // The run dies as its `abortAt`-th page is requested (page abortAt-1 is being written):
          // like a closed tab, that request never answers.
          const controller = new AbortController();
          const abortAt = 1 + pick(remaining);
          let pageRequests = 0;
          const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
            if (isSendsPage(new URL(new Request(input, init).url)) && ++pageRequests === abortAt) {
              controller.abort();
              throw controller.signal.reason;
            }
            return s.deps.fetch!(input, init);
          };
          const outcome = await syncSends(dataset, {
            signal: controller.signal,
            deps: { ...s.deps, fetch },
          }).then(
            () => "finished",
            (error: unknown) => error,
          );
          expect(outcome, `seed ${seed}`).toBe(controller.signal.reason);
          expect(await db().syncState.get(dataset), `seed ${seed}`).toMatchObject({
            status: "stopped",
            stopReason: "cancelled",
          });
        }
        const before = s.requests.length;
        const heldBefore = (await heldKeys(dataset)).length;
        const checkpoint = (await db().syncState.get(dataset))?.nextLink;
        await syncSends(dataset, { deps: s.deps });
        const expected =
          generation === "v3" ? expectedV3Keys(s.sandbox, reportId) : expectedV2Keys(s.sandbox, reportId);
        const held = await heldKeys(dataset);
        expect(held.length, `seed ${seed}`).toBe(expected.length);
        expect(held, `seed ${seed}`).toEqual(expected);
        expect((await db().syncState.get(dataset))?.status, `seed ${seed}`).toBe("complete");
        // The last run started at the checkpoint and fetched only the pages not stored yet.
        const lastRun = s.requests.slice(before).filter(isSendsPage);
        if (checkpoint) {
          resumedFromCheckpoint += 1;
          expect(lastRun[0]?.searchParams.has("next"), `seed ${seed}`).toBe(true);
          expect(lastRun.length, `seed ${seed}`).toBe(PAGES - heldBefore / 500);
        }
      }
      // Most seeds stop mid-list; the others stopped after the last page and re-check instead.
      expect(resumedFromCheckpoint).toBeGreaterThanOrEqual(10);
    }, 180_000); // 20 seeds × up to 4 runs on fake-indexeddb: slow on a shared machine, not stuck
  }

  it("resumes an interrupted FIRST sync from its checkpoint, then catches up with sends that arrived meanwhile", async () => {
    freshDb();
    const s = await sandboxSession();
    const live = campaignByKey(s.sandbox, "live");
    const dataset = sendsDatasetId(s.account.id, "v3", live.primaryActivityId);
    s.sandbox.advance(500 * 60_000); // the live campaign grows by one send every 30 s: > 1,100 now
    const listedWhenStarted = expectedV3Keys(s.sandbox, live.primaryActivityId).length;
    const controller = new AbortController();
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await s.deps.fetch!(input, init);
      if (isSendsPage(new URL(new Request(input, init).url))) controller.abort();
      return response;
    };
    await expect(
      syncSends(dataset, { signal: controller.signal, deps: { ...s.deps, fetch } }),
    ).rejects.toThrow();
    const interrupted = await db().syncState.get(dataset);
    expect(interrupted).toMatchObject({
      mode: "first",
      status: "stopped",
      stopReason: "cancelled",
      rows: 500,
    });
    expect(interrupted?.nextLink).toContain("next=");

    s.sandbox.advance(10 * 60_000); // 20 more sends arrive, above the pages already stored
    await syncSends(dataset, { deps: s.deps });
    const resumed = await db().syncState.get(dataset);
    // It finished the older pages (not restarted as incremental), and says the newest are missing.
    const listedNow = expectedV3Keys(s.sandbox, live.primaryActivityId).length;
    expect(listedNow - listedWhenStarted).toBe(20);
    expect(resumed).toMatchObject({ mode: "first", status: "partial", expectedRows: listedNow });
    expect(await countAllSends()).toBe(listedWhenStarted);

    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, live.primaryActivityId));
    expect(await db().syncState.get(dataset)).toMatchObject({ mode: "incremental", status: "complete" });
  });
});
