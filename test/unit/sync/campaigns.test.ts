import { describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import { refreshCampaigns } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

describe("refreshing campaigns", () => {
  it("holds v2 SENT campaigns and v3 campaigns with their campaign activities", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });

    const v2 = await db()
      .campaigns.filter((c) => c.generation === "v2")
      .toArray();
    const sentInSandbox = s.sandbox.world.campaigns.filter((c) => c.v2Status === "SENT");
    expect(v2.map((c) => c.campaignId).sort()).toEqual(sentInSandbox.map((c) => c.v2Id).sort());

    const v3 = await db()
      .campaigns.filter((c) => c.generation === "v3")
      .toArray();
    expect(v3.map((c) => c.campaignId).sort()).toEqual(s.sandbox.world.campaigns.map((c) => c.v3Id).sort());
    const spring = s.sandbox.world.campaigns.find((c) => c.key === "spring");
    const activities = await db()
      .campaignActivities.where("[accountId+campaignId]")
      .equals([s.account.id, spring?.v3Id ?? ""])
      .toArray();
    expect(activities.map((a) => a.role).sort()).toEqual(["permalink", "primary_email", "resend"]);
    expect(await db().syncState.get(`${s.account.id}|campaigns`)).toMatchObject({ status: "complete" });
  });

  it("a second refresh of an unchanged account asks only for the lists", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const before = s.requests.length;
    await refreshCampaigns(s.account.id, { deps: s.deps });
    const again = s.requests.slice(before).map((u) => u.pathname);
    expect(again).toEqual(["/v2/emailmarketing/campaigns", "/v3/emails"]);
  });
});
