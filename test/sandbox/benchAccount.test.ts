// @vitest-environment node
// The bench's account (`audience: "bench-account"`): 50 send lists, about a million sends (one of
// 200,000, one of 100,000 sharing most of its people with it, the rest 16,000 each), from one
// overlapping audience. Counted from send histories and the v2 summaries, never by listing rows.
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import { encodeCursor } from "../../src/sandbox/cursor";
import { PERSON_POOL_SIZE } from "../../src/sandbox/data/people";
import { signInV2, signInV3, testSandbox, v2, v3 } from "./support";

let sb: Sandbox;
let get3: ReturnType<typeof v3>;
let get2: ReturnType<typeof v2>;
beforeAll(async () => {
  sb = testSandbox({ audience: "bench-account" });
  get3 = v3(sb, (await signInV3(sb)).access_token);
  get2 = v2(sb, await signInV2(sb));
});

describe("the bench account", () => {
  it("has 50 send lists of 200,000, 100,000 and 48 × 16,000 sends, in v3 and in v2", async () => {
    const list = (await get3("/v3/emails?limit=500")).body as { campaigns: Array<{ campaign_id: string }> };
    expect(list.campaigns).toHaveLength(50);
    const v3Counts: number[] = [];
    for (const { campaign_id } of list.campaigns) {
      const email = (await get3(`/v3/emails/${campaign_id}`)).body as {
        campaign_activities: Array<{ campaign_activity_id: string; role: string }>;
      };
      expect(email.campaign_activities.map((a) => a.role)).toEqual(["primary_email", "permalink"]);
      const primary = email.campaign_activities[0]!.campaign_activity_id;
      const history = (await get3(`/v3/emails/activities/${primary}/send_history`)).body as Array<{
        count: number;
      }>;
      v3Counts.push(history.reduce((sum, run) => sum + run.count, 0));
    }
    const expected = [200_000, 100_000, ...Array<number>(48).fill(16_000)];
    expect([...v3Counts].sort((a, b) => b - a)).toEqual(expected);
    expect(v3Counts.reduce((a, b) => a + b, 0)).toBe(1_068_000);

    const v2Counts: number[] = [];
    for (const c of sb.world.campaigns) {
      const summary = (await get2(`/v2/emailmarketing/campaigns/${c.v2Id}/tracking/reports/summary`))
        .body as {
        sends: number;
      };
      v2Counts.push(summary.sends);
    }
    expect(v2Counts.sort((a, b) => b - a)).toEqual(expected);
  });

  it("serves the 200,000 list's oldest page directly, and both generations the same people there", async () => {
    const first = sb.world.campaigns.find((c) => c.name === "Annual report (200k)")!;
    const cursor = encodeCursor(`v3-sends:${first.primaryActivityId}`, { b: 500, l: 500 });
    const page = (
      await get3(`/v3/reports/email_reports/${first.primaryActivityId}/tracking/sends?next=${cursor}`)
    ).body as { tracking_activities: Array<{ email_address: string }>; _links: object };
    expect(page.tracking_activities).toHaveLength(500);
    expect(page._links).toEqual({});
    const v2Cursor = encodeCursor(`v2-sends:${first.v2Id}`, { b: 500, lo: 0, l: 500 });
    const v2Page = (await get2(`/v2/emailmarketing/campaigns/${first.v2Id}/tracking/sends?next=${v2Cursor}`))
      .body as { results: Array<{ email_address: string }> };
    expect(v2Page.results.map((r) => r.email_address)).toEqual(
      page.tracking_activities.map((r) => r.email_address),
    );
  });

  it("gives the 100,000 list mostly people of the 200,000 one", async () => {
    const [first, second] = sb.world.campaigns;
    let shared = 0;
    for (let i = 0; i < second!.primary!.baseCount; i++) {
      const index = first!.primary!.sendIndexOf(second!.primary!.recipient(i));
      if (index >= 0 && index < first!.primary!.baseCount) shared++;
    }
    expect(shared / 100_000).toBeGreaterThan(0.8);
    expect(shared).toBeLessThan(100_000);
    // What the reports say agrees: people on the 100,000 list's first page got the 200,000 one too.
    const page = (await get3(`/v3/reports/email_reports/${second!.primaryActivityId}/tracking/sends`))
      .body as {
      tracking_activities: Array<{ email_address: string }>;
    };
    const got = page.tracking_activities.filter((r) =>
      sb.receivedBy(r.email_address).some((s) => s.campaignId === first!.v3Id),
    );
    expect(got.length / page.tracking_activities.length).toBeGreaterThan(0.8);
  });

  it("draws every list from one audience of 320,000, so people recur across the 50", () => {
    const seen = new Uint8Array(PERSON_POOL_SIZE);
    let people = 0;
    let sends = 0;
    for (const c of sb.world.campaigns) {
      const series = c.primary!;
      for (let i = 0; i < series.baseCount; i++) {
        const p = series.recipient(i);
        if (!seen[p]) people++;
        seen[p] = 1;
        sends++;
      }
    }
    expect(sends).toBe(1_068_000);
    expect(people).toBeLessThanOrEqual(320_000);
    expect(people).toBeGreaterThan(250_000);
  });
});
