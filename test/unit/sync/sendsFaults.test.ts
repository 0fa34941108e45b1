import { describe, expect, it } from "vitest";
import { isMailroomError, type MailroomError } from "../../../src/core/errors";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { countAllSends } from "../../support/sends";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

const isSendsPage = (url: URL) => url.pathname.endsWith("/tracking/sends");

async function failure(promise: Promise<unknown>): Promise<MailroomError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMailroomError(error)) throw new Error(`expected a MailroomError, got ${String(error)}`);
  return error;
}

/** A fresh database and session, and the sandbox's big v3 send list to sync. */
async function bigV3List(config: Parameters<typeof sandboxSession>[0] = {}) {
  freshDb();
  const s = await sandboxSession(config);
  const big = campaignByKey(s.sandbox, "big");
  const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
  return { s, big, dataset };
}

/** A fetch that turns `faults` on when the `nth` send-list page is asked for. */
function faultsFromPage(s: Awaited<ReturnType<typeof sandboxSession>>, nth: number, faults: object) {
  let pages = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (isSendsPage(new URL(new Request(input, init).url)) && ++pages === nth) s.sandbox.setFaults(faults);
    return s.deps.fetch!(input, init);
  };
  return { fetch, pages: () => pages };
}

describe("a send sync meeting faults", () => {
  it("rides out a storm of 429 throttled answers and ends with exactly the sandbox's sends", async () => {
    const { s, big, dataset } = await bigV3List();
    s.sandbox.setFaults({ throttleBurst: 12 });
    await syncSends(dataset, { deps: s.deps });
    expect(s.sandbox.stats().throttled).toBe(12);
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
  });

  it("rides out v2's 403 over.qps storm the same way", async () => {
    freshDb();
    const s = await sandboxSession();
    const tenk = campaignByKey(s.sandbox, "tenk");
    const dataset = sendsDatasetId(s.account.id, "v2", tenk.v2Id);
    s.sandbox.setFaults({ throttleBurst: 9 });
    await syncSends(dataset, { deps: s.deps });
    expect(s.sandbox.stats().throttled).toBe(9);
    expect(await heldKeys(dataset)).toEqual(expectedV2Keys(s.sandbox, tenk.v2Id));
  });

  it("paced at 4/s against a sandbox limited to 4/s: zero 429s, at least 3.8 requests/s", async () => {
    freshDb();
    const s = await sandboxSession(
      { rateLimit: 4, bigCampaignSends: 10_000 },
      { requestsPerSecond: undefined },
    );
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const started = s.clock.now();
    await syncSends(dataset, { deps: s.deps });
    const elapsedS = (s.clock.now() - started) / 1000;
    const requests = s.requests.filter((u) => u.pathname.startsWith("/v3/")).length;
    expect(requests).toBe(21);
    expect(s.sandbox.stats().throttled).toBe(0);
    expect((requests - 1) / elapsedS).toBeGreaterThanOrEqual(3.8);
    expect(await countAllSends()).toBe(10_000);
  });

  it("retries 5xx answers with back-off and ends with exactly the sandbox's sends", async () => {
    const { s, big, dataset } = await bigV3List();
    s.sandbox.setFaults({ serverErrorRate: 0.3 });
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect(s.clock.slept.length).toBeGreaterThan(0);
  });

  it("gives up on a server that keeps failing after 5 tries, keeping the checkpoint", async () => {
    const { s, big, dataset } = await bigV3List();
    const { fetch, pages } = faultsFromPage(s, 2, { serverErrorRate: 1 });
    const error = await failure(syncSends(dataset, { deps: { ...s.deps, fetch } }));
    expect(error.kind).toBe("server");
    expect(pages()).toBe(1 + 5); // page 1, then page 2 tried 5 times
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({
      status: "stopped",
      stopReason: "error",
      rows: 500,
      lastError: { kind: "server" },
    });
    expect(await countAllSends()).toBe(500);

    s.sandbox.setFaults({ serverErrorRate: 0 });
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
  });

  for (const fault of ["malformedJsonRate", "truncatedJsonRate"] as const) {
    it(`tries a ${fault === "malformedJsonRate" ? "malformed" : "truncated"} page again and ends exact`, async () => {
      const { s, big, dataset } = await bigV3List();
      let pages = 0;
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const sendsPage = isSendsPage(new URL(new Request(input, init).url));
        if (sendsPage) pages += 1;
        s.sandbox.setFaults({ [fault]: sendsPage && pages === 3 ? 1 : 0 });
        return s.deps.fetch!(input, init);
      };
      // Without a retry the cut third page would stop the run with bad_response.
      await syncSends(dataset, { deps: { ...s.deps, fetch } });
      expect(pages).toBeGreaterThan(3);
      expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    });

    it(`stops on a ${fault === "malformedJsonRate" ? "malformed" : "truncated"} page that stays so, with bad_response and no corrupted rows`, async () => {
      const { s, big, dataset } = await bigV3List();
      const { fetch } = faultsFromPage(s, 3, { [fault]: 1 });
      const error = await failure(syncSends(dataset, { deps: { ...s.deps, fetch } }));
      expect(error.kind).toBe("bad_response");
      expect(error.message).toMatch(/not JSON|not what its API promises/);
      const expected = new Set(expectedV3Keys(s.sandbox, big.primaryActivityId));
      const held = await heldKeys(dataset);
      expect(held).toHaveLength(1_000);
      expect(held.every((key) => expected.has(key))).toBe(true);
      expect((await db().syncState.get(dataset))?.lastError?.kind).toBe("bad_response");
    });
  }

  it("stops when a next link does not advance", async () => {
    const { s, dataset } = await bigV3List();
    const { fetch, pages } = faultsFromPage(s, 2, { stuckNextLink: true });
    const error = await failure(syncSends(dataset, { deps: { ...s.deps, fetch } }));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toMatch(/does not advance/);
    expect(pages()).toBeLessThanOrEqual(3);
  });

  it("stops with quota_exceeded and the reset time when the day's budget is spent, then asks nothing more", async () => {
    freshDb();
    const s = await sandboxSession({ dailyLimit: 3 });
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const error = await failure(syncSends(dataset, { deps: s.deps }));
    expect(error.kind).toBe("quota_exceeded");
    expect(error.details.resetsAt).toBe(Date.UTC(2026, 10, 26));
    expect(await countAllSends()).toBe(1_000);
    const asked = s.requests.length;
    const again = await failure(syncSends(dataset, { deps: s.deps }));
    expect(again.kind).toBe("quota_exceeded");
    expect(s.requests.length).toBe(asked);
  });
});
