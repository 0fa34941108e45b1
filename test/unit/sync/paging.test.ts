import { describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import { refreshActivities, refreshCampaigns } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

/** Every v3 activity id the sandbox lists now, paged directly (not through Mailroom's client). */
async function everyListedV3Activity(s: Awaited<ReturnType<typeof sandboxSession>>): Promise<string[]> {
  const token = await s.deps.authProviderFor?.(s.account.id, "v3").accessToken();
  const ids: string[] = [];
  let path: string | undefined = "/v3/activities?limit=500";
  while (path) {
    const response = await s.sandbox.handle(
      new Request(`http://127.0.0.1:4174${path}`, { headers: { Authorization: `Bearer ${token}` } }),
    );
    const body = (await response.json()) as {
      activities: { activity_id: string }[];
      _links?: { next?: { href?: string } };
    };
    ids.push(...body.activities.map((a) => a.activity_id));
    path = body._links?.next?.href;
  }
  return ids;
}

const onPath = (urls: URL[], path: string) => urls.filter((u) => u.pathname === path);

describe("Mailroom follows the pages of the short lists", () => {
  it("v3 activities over 500: both pages, every visible activity held once", async () => {
    freshDb();
    const s = await sandboxSession({ extraV3Activities: 600 }, { generations: ["v3"] });
    await refreshActivities(s.account.id, { deps: s.deps });

    const lists = onPath(s.requests, "/v3/activities");
    expect(lists).toHaveLength(2);
    expect(lists[1]?.searchParams.get("next")).not.toBeNull();
    const held = await db()
      .activities.where("[accountId+generation+activityId]")
      .between([s.account.id, "v3", ""], [s.account.id, "v3", "\uffff"])
      .toArray();
    const listed = await everyListedV3Activity(s);
    expect(listed.length).toBeGreaterThan(600);
    expect(held.map((a) => a.activityId).sort()).toEqual(listed.sort());
  });

  it("v2 campaigns over one page of 50 and v3 campaigns over one page of 500", async () => {
    freshDb();
    const s = await sandboxSession({ extraCampaigns: 520 });
    await refreshCampaigns(s.account.id, { deps: s.deps });

    const v2Lists = onPath(s.requests, "/v2/emailmarketing/campaigns");
    const v3Lists = onPath(s.requests, "/v3/emails");
    const sentV2 = s.sandbox.world.campaigns.filter((c) => c.v2Status === "SENT");
    expect(v2Lists).toHaveLength(Math.ceil(sentV2.length / 50));
    expect(v3Lists).toHaveLength(2);
    const held = await db().campaigns.where("accountId").equals(s.account.id).toArray();
    const v2 = held.filter((c) => c.generation === "v2").map((c) => c.campaignId);
    const v3 = held.filter((c) => c.generation === "v3").map((c) => c.campaignId);
    expect(v2.sort()).toEqual(sentV2.map((c) => c.v2Id).sort());
    expect(v3.sort()).toEqual(s.sandbox.world.campaigns.map((c) => c.v3Id).sort());
  });
});
