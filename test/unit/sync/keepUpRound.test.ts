import { describe, expect, it } from "vitest";
import { AuthRequiredError } from "../../../src/auth/types";
import { utcDay } from "../../../src/core/utcDay";
import { countSends, db, sendsDatasetId } from "../../../src/db";
import { getKeepUpStatus, putKeepUpSetting } from "../../../src/db/keepUp";
import { loadCampaignsWithLists } from "../../../src/db/queries/campaigns";
import { KEEP_UP_EVERY_MS, keepUpAccount, removeSendList, SHARE_USED } from "../../../src/sync";
import { appKeyOf } from "../../../src/sync/context";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV3Keys, sandboxSession } from "./support/sandbox";

const apiRequests = (urls: URL[]) => urls.filter((u) => /^\/v[23]\//.test(u.pathname));
const usedToday = async (appKey: string, now: number) => {
  const row = await db().budget.get(appKey);
  return row?.day === utcDay(now) ? row.used : 0;
};

async function everyList(accountId: string): Promise<string[]> {
  return (await loadCampaignsWithLists(accountId)).flatMap((c) => c.sendLists.map((l) => l.dataset));
}

describe("a round of 'Keep all send lists up to date'", () => {
  it("does nothing while the setting is off", async () => {
    freshDb();
    const s = await sandboxSession();
    expect(await keepUpAccount(s.account.id, { deps: s.deps, online: true, force: true })).toBeUndefined();
    expect(s.requests).toEqual([]);
    expect(await getKeepUpStatus(s.account.id)).toBeUndefined();
  });

  it("refreshes the campaign list and syncs every send list to its end, counting its requests", async () => {
    freshDb();
    const s = await sandboxSession();
    await putKeepUpSetting(s.account.id, { enabled: true, share: 0.5 });

    const status = await keepUpAccount(s.account.id, { deps: s.deps, online: true });

    const lists = await everyList(s.account.id);
    expect(lists.length).toBeGreaterThan(4);
    expect(status).toMatchObject({ state: "finished", planned: lists.length, done: lists.length, failed: 0 });
    expect(status?.stop).toBeUndefined();
    expect(status?.requests).toBe(apiRequests(s.requests).length);
    const tenk = campaignByKey(s.sandbox, "tenk").primaryActivityId;
    expect(await countSends(sendsDatasetId(s.account.id, "v3", tenk))).toBe(
      expectedV3Keys(s.sandbox, tenk).length,
    );
    for (const dataset of lists) expect((await db().syncState.get(dataset))?.status).toBe("complete");
    expect(await getKeepUpStatus(s.account.id)).toEqual(status);
  });

  it("waits KEEP_UP_EVERY_MS between rounds unless asked, and then fetches only what grew", async () => {
    freshDb();
    const s = await sandboxSession();
    await putKeepUpSetting(s.account.id, { enabled: true, share: 0.5 });
    await keepUpAccount(s.account.id, { deps: s.deps, online: true });
    const before = apiRequests(s.requests).length;

    expect(await keepUpAccount(s.account.id, { deps: s.deps, online: true })).toBeUndefined();
    expect(apiRequests(s.requests).length).toBe(before);

    s.sandbox.advance(KEEP_UP_EVERY_MS);
    s.clock.set(s.clock.now() + KEEP_UP_EVERY_MS);
    const again = await keepUpAccount(s.account.id, { deps: s.deps, online: true });
    // Nothing new on the server: the campaign lists only (one request per generation).
    expect(again).toMatchObject({ state: "finished", planned: 0, requests: 2 });
  });

  it("stops when the key's requests today reach the share, and says so; the list resumes the next day", async () => {
    freshDb();
    const s = await sandboxSession({}, { generations: ["v3"] });
    const share = 0.1; // 1,000 requests a day
    await putKeepUpSetting(s.account.id, { enabled: true, share });
    await keepUpAccount(s.account.id, { deps: s.deps, online: true });
    const tenk = sendsDatasetId(s.account.id, "v3", campaignByKey(s.sandbox, "tenk").primaryActivityId);
    await removeSendList(tenk); // 10,000 sends: 20 pages to fetch again
    const appKey = appKeyOf(s.account, "v3");
    await db().budget.put({ appKey, day: utcDay(s.clock.now()), used: 990, recent: [] });
    const before = apiRequests(s.requests).length;

    const status = await keepUpAccount(s.account.id, { deps: s.deps, online: true, force: true });

    expect(status).toMatchObject({
      state: "stopped",
      planned: 1,
      done: 0,
      stop: { kind: SHARE_USED, generation: "v3" },
    });
    expect(status?.stop?.message).toContain("1,000 requests today");
    // Sent up to the share; one more was counted by the pacer before the share stopped it, never sent.
    expect(apiRequests(s.requests).length - before).toBe(10);
    expect(status?.requests).toBe(10);
    expect(await usedToday(appKey, s.clock.now())).toBe(1_001);
    const stopped = await db().syncState.get(tenk);
    expect(stopped).toMatchObject({ status: "stopped", stopReason: "cancelled" });
    expect(stopped?.nextLink).toBeDefined();

    const tomorrow = Date.UTC(2026, 10, 26, 0, 1);
    s.sandbox.advance(tomorrow - s.clock.now());
    s.clock.set(tomorrow);
    const next = await keepUpAccount(s.account.id, { deps: s.deps, online: true });
    expect(next).toMatchObject({ state: "finished", done: 1 });
    expect(await countSends(tenk)).toBe(10_000);
  });

  it("stops on the server's quota_exceeded and records it in the app's error vocabulary", async () => {
    freshDb();
    const s = await sandboxSession({ dailyLimit: 12 }, { generations: ["v3"] });
    await putKeepUpSetting(s.account.id, { enabled: true, share: 1 });

    const status = await keepUpAccount(s.account.id, { deps: s.deps, online: true });

    expect(status).toMatchObject({
      state: "stopped",
      done: 0,
      stop: { kind: "quota_exceeded", generation: "v3" },
    });
    expect(await getKeepUpStatus(s.account.id)).toEqual(status);
  });

  it("offline, records that it stopped for it and sends nothing", async () => {
    freshDb();
    const s = await sandboxSession();
    await putKeepUpSetting(s.account.id, { enabled: true, share: 0.5 });

    const status = await keepUpAccount(s.account.id, { deps: s.deps, online: false });

    expect(status).toMatchObject({ state: "stopped", done: 0, stop: { kind: "offline" } });
    expect(s.requests).toEqual([]);
  });

  it("stops on a connection lost during the round (network), keeping the lists it synced", async () => {
    freshDb();
    const s = await sandboxSession({}, { generations: ["v3"] });
    await putKeepUpSetting(s.account.id, { enabled: true, share: 0.5 });
    const tenk = campaignByKey(s.sandbox, "tenk").primaryActivityId;
    const inner = s.deps.fetch;
    const deps = {
      ...s.deps,
      retryPolicy: { maxTries: 1, baseDelayMs: 1, maxDelayMs: 1, maxThrottledWaits: 0, throttledWaitMs: 1 },
      // The connection drops when the round reaches the 10,000-send list.
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        new Request(input, init).url.includes(tenk)
          ? Promise.reject(new TypeError("Failed to fetch"))
          : (inner?.(input, init) as Promise<Response>),
    };

    const status = await keepUpAccount(s.account.id, { deps, online: true });

    const lists = await everyList(s.account.id);
    const reached = lists.indexOf(sendsDatasetId(s.account.id, "v3", tenk));
    expect(reached).toBeGreaterThan(0);
    expect(status).toMatchObject({ state: "stopped", done: reached, stop: { kind: "network" } });
  });

  it("when a generation needs a sign-in again, says so and still syncs the other's lists", async () => {
    freshDb();
    const s = await sandboxSession();
    await putKeepUpSetting(s.account.id, { enabled: true, share: 0.5 });
    const signedIn = s.deps.authProviderFor;
    const deps = {
      ...s.deps,
      authProviderFor: (accountId: string, generation: "v2" | "v3") =>
        generation === "v2"
          ? {
              generation,
              accessToken: () =>
                Promise.reject(new AuthRequiredError("The v2 token was revoked.", accountId, "v2")),
              refreshAfterUnauthorized: () => Promise.reject(new Error("unused")),
            }
          : (signedIn?.(accountId, generation) ?? Promise.reject()),
    };

    const status = await keepUpAccount(s.account.id, { deps: deps as typeof s.deps, online: true });

    expect(status).toMatchObject({ state: "stopped", stop: { kind: "unauthorized", generation: "v2" } });
    const v3Lists = (await everyList(s.account.id)).filter((d) => d.includes("|v3|"));
    expect(status?.done).toBe(v3Lists.length);
    expect(apiRequests(s.requests).every((u) => u.pathname.startsWith("/v3/"))).toBe(true);
  });
});
