import { describe, expect, it } from "vitest";
import { eraseAccount } from "../../../src/auth/signOut";
import { utcDay } from "../../../src/core/utcDay";
import { db, sendsDatasetId, updateSyncState } from "../../../src/db";
import { getKeepUpSetting, keepUpSettingKey } from "../../../src/db/keepUp";
import { loadCampaignsWithLists } from "../../../src/db/queries/campaigns";
import { planKeepUp, refreshCampaigns, saveKeepUpSetting, syncSends } from "../../../src/sync";
import { appKeyOf } from "../../../src/sync/context";
import { freshDb } from "./support/fakes";
import { campaignByKey, sandboxSession } from "./support/sandbox";

async function everyList(accountId: string): Promise<string[]> {
  return (await loadCampaignsWithLists(accountId)).flatMap((c) => c.sendLists.map((l) => l.dataset));
}

describe("the plan of 'Keep all send lists up to date'", () => {
  it("lists every send list never synced, each estimated as one page and the count and last requests", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const all = await everyList(s.account.id);
    expect(all.length).toBeGreaterThan(4);

    const plan = await planKeepUp(s.account.id, { now: s.clock.now(), share: 0.5 });

    expect(plan.lists.map((l) => l.dataset)).toEqual(all);
    expect(plan.lists.every((l) => l.reason === "new" && l.requests === 3)).toBe(true);
    expect(plan).toMatchObject({ requests: 3 * all.length, unknownSize: all.length, later: 0 });
    // The campaign list's own requests count against the share too.
    const used = async (g: "v2" | "v3") => (await db().budget.get(appKeyOf(s.account, g)))?.used ?? 0;
    expect(plan.allowance).toEqual({ v2: 5_000 - (await used("v2")), v3: 5_000 - (await used("v3")) });
  });

  it("leaves out a list synced to its end, and plans a grown one by what it misses", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const tenk = sendsDatasetId(s.account.id, "v3", campaignByKey(s.sandbox, "tenk").primaryActivityId);
    const spring = sendsDatasetId(s.account.id, "v3", campaignByKey(s.sandbox, "spring").primaryActivityId);
    await syncSends(tenk, { deps: s.deps });
    await syncSends(spring, { deps: s.deps });
    // The server said, on a later count, that the list grew by 1,200.
    const key = { dataset: tenk, accountId: s.account.id, kind: "sends" as const };
    await updateSyncState(key, (current) => ({ ...current, expectedRows: 11_200 }));

    const plan = await planKeepUp(s.account.id, { now: s.clock.now(), share: 0.5 });

    const datasets = plan.lists.map((l) => l.dataset);
    expect(datasets).not.toContain(spring);
    expect(plan.lists.find((l) => l.dataset === tenk)).toMatchObject({
      reason: "grown",
      held: 10_000,
      expected: 11_200,
      requests: Math.ceil(1_200 / 500) + 2,
    });
    expect(plan.unknownSize).toBe(plan.lists.length - 1);
  });

  it("plans a list whose campaign ran again after the list was fetched, and one still sending", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const tiny = campaignByKey(s.sandbox, "tiny");
    const formula = campaignByKey(s.sandbox, "formula");
    const v2Tiny = sendsDatasetId(s.account.id, "v2", tiny.v2Id);
    const v3Formula = sendsDatasetId(s.account.id, "v3", formula.primaryActivityId);
    await syncSends(v2Tiny, { deps: s.deps });
    await syncSends(v3Formula, { deps: s.deps });
    const fetchedAt = (await db().syncState.get(v2Tiny))?.fetchedAt ?? 0;
    await db().campaigns.update([s.account.id, "v2", tiny.v2Id], {
      lastRunAt: new Date(fetchedAt + 60_000).toISOString(),
    });
    await db().campaigns.update([s.account.id, "v3", formula.v3Id], { status: "Executing" });

    const plan = await planKeepUp(s.account.id, { now: s.clock.now(), share: 0.5 });

    expect(plan.lists.find((l) => l.dataset === v2Tiny)?.reason).toBe("changed");
    expect(plan.lists.find((l) => l.dataset === v3Formula)).toMatchObject({ reason: "sending", requests: 2 });
  });

  it("stops at the share of the day's requests already used by the key, whoever used them", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const v3Lists = (await everyList(s.account.id)).filter((d) => d.includes("|v3|"));
    const today = utcDay(s.clock.now());
    // 20 % is 2,000 requests; 1,994 are spent today on the v3 key, none on v2's (yesterday's do not count).
    await db().budget.put({ appKey: appKeyOf(s.account, "v3"), day: today, used: 1_994, recent: [] });
    await db().budget.put({ appKey: appKeyOf(s.account, "v2"), day: "2000-01-01", used: 9_999, recent: [] });

    const plan = await planKeepUp(s.account.id, { now: s.clock.now(), share: 0.2 });

    expect(plan.allowance.v3).toBe(6);
    const planned = plan.lists.filter((l) => l.generation === "v3");
    expect(planned).toHaveLength(2); // 3 + 3 requests fit in 6
    expect(plan.later).toBe(v3Lists.length - 2);
    expect(plan.lists.filter((l) => l.generation === "v2").length).toBeGreaterThan(0);
    expect(plan.allowance.v2).toBe(2_000);
  });

  it("counts the last list only up to the share it leaves, since the round stops there", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    await db().budget.put({
      appKey: appKeyOf(s.account, "v3"),
      day: utcDay(s.clock.now()),
      used: 996,
      recent: [],
    });
    await db().budget.put({
      appKey: appKeyOf(s.account, "v2"),
      day: utcDay(s.clock.now()),
      used: 1_000,
      recent: [],
    });

    const plan = await planKeepUp(s.account.id, { now: s.clock.now(), share: 0.1 });

    expect(plan.lists.map((l) => l.generation)).toEqual(["v3", "v3"]);
    expect(plan.requests).toBe(4);
  });
});

describe("the setting of 'Keep all send lists up to date'", () => {
  it("is off at half by default, keeps shares within 10–100 %, and goes when the account is erased", async () => {
    freshDb();
    const s = await sandboxSession();
    expect(await getKeepUpSetting(s.account.id)).toEqual({ enabled: false, share: 0.5 });
    await saveKeepUpSetting(s.account.id, { enabled: true, share: 3 });
    expect(await getKeepUpSetting(s.account.id)).toEqual({ enabled: true, share: 1 });
    await saveKeepUpSetting(s.account.id, { enabled: true, share: 0.04 });
    expect(await getKeepUpSetting(s.account.id)).toEqual({ enabled: true, share: 0.1 });

    await eraseAccount(s.account.id);

    expect(await db().settings.get(keepUpSettingKey(s.account.id))).toBeUndefined();
  });
});
