// @vitest-environment node
// The configurable big campaign (up to 1,000,000 sends) is generated page by page: a deep page
// costs the same as the first, and rows are a pure function of (seed, campaign, index).
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/sandbox/cursor";
import { signInV2, signInV3, testSandbox, v2, v3 } from "./support";

describe("a 1,000,000-send campaign", () => {
  it("serves its last page quickly, identical to a fresh sandbox's, without walking earlier pages", async () => {
    const sb = testSandbox({ bigCampaignSends: 1_000_000 });
    const big = sb.world.campaigns.find((c) => c.key === "big")!;
    const get = v3(sb, (await signInV3(sb)).access_token);
    const first = (await get(`/v3/reports/email_reports/${big.primaryActivityId}/tracking/sends`)).body as {
      _links: { next: { href: string } };
    };
    // The cursor says where the page starts: the last page (the 500 oldest sends) is one request away.
    const lastCursor = encodeCursor(`v3-sends:${big.primaryActivityId}`, { b: 500, l: 500 });
    const lastPath = `/v3/reports/email_reports/${big.primaryActivityId}/tracking/sends?next=${lastCursor}`;
    expect(first._links.next.href).toMatch(/\?next=/);
    const started = performance.now();
    const last = (await get(lastPath)).body as {
      tracking_activities: Array<{ contact_id: string }>;
      _links: object;
    };
    expect(performance.now() - started).toBeLessThan(500);
    expect(last.tracking_activities).toHaveLength(500);
    expect(last._links).toEqual({});

    const again = testSandbox({ bigCampaignSends: 1_000_000 });
    const getAgain = v3(again, (await signInV3(again)).access_token);
    expect((await getAgain(lastPath)).body).toEqual(last);
  });

  it("has the configured number of sends, in v2 too", async () => {
    const sb = testSandbox({ bigCampaignSends: 1_000_000 });
    const big = sb.world.campaigns.find((c) => c.key === "big")!;
    const get3 = v3(sb, (await signInV3(sb)).access_token);
    const history = (await get3(`/v3/emails/activities/${big.primaryActivityId}/send_history`))
      .body as Array<{ count: number }>;
    expect(history[0]!.count).toBe(1_000_000);
    const get2 = v2(sb, await signInV2(sb));
    const tail = `/v2/emailmarketing/campaigns/${big.v2Id}/tracking/sends?next=${encodeCursor(`v2-sends:${big.v2Id}`, { b: 3, lo: 0, l: 500 })}`;
    const page = (await get2(tail)).body as { results: unknown[]; meta: { pagination: object } };
    expect(page.results).toHaveLength(3);
    expect(page.meta.pagination).toEqual({});
  });

  it("is sized by bigCampaignSends and capped at one million", () => {
    expect(
      testSandbox({ bigCampaignSends: 5 }).world.campaigns.find((c) => c.key === "big")!.primary!.baseCount,
    ).toBe(5);
    expect(testSandbox({ bigCampaignSends: 5_000_000 }).config.bigCampaignSends).toBe(1_000_000);
  });
});

describe("determinism", () => {
  it("gives the same seed the same data and another seed other data", async () => {
    const page = async (seed: number) => {
      const sb = testSandbox({ seed });
      const get = v3(sb, (await signInV3(sb)).access_token);
      return (await get("/v3/activities?limit=5")).body;
    };
    expect(await page(1)).toEqual(await page(1));
    expect(await page(1)).not.toEqual(await page(2));
  });
});
