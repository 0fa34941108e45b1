// @vitest-environment node
// A campaign sent while the sandbox runs (`sandbox.sendCampaign`, POST /__sandbox/campaigns):
// both campaign lists show it, its sends report pages it out, `whoReceived` agrees, and a reset
// takes it away. This is what lets an E2E test check that the app syncs a campaign sent later.
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, MINUTE_MS } from "../../src/sandbox/clock";
import type { Sandbox } from "../../src/sandbox/core";
import { poolIndexOfEmail } from "../../src/sandbox/data/people";
import { type Reports, reports } from "./audienceSupport";
import { call, signInV2, signInV3, testSandbox, v2, v3 } from "./support";

let sb: Sandbox;
let api: Reports;
beforeEach(async () => {
  sb = testSandbox();
  api = await reports(sb);
});

const admin = (body: unknown, type = "application/json") =>
  call(sb, "/__sandbox/campaigns", {
    method: "POST",
    headers: { "Content-Type": type },
    body: JSON.stringify(body),
  });

describe("a campaign sent later", () => {
  it("appears in both campaign lists as the newest, with its sends, sent now in simulated time", async () => {
    sb.advance(DAY_MS);
    const sent = sb.sendCampaign({ name: "Sent during the test", lists: ["events"], sends: 100 });
    api = await reports(sb); // the tokens of a day ago have expired
    const get3 = v3(sb, (await signInV3(sb)).access_token);
    const recent = (await get3(`/v3/emails?after_date=${new Date(sb.now() - MINUTE_MS).toISOString()}`))
      .body as {
      campaigns: Array<{ campaign_id: string; name: string }>;
    };
    expect(recent.campaigns).toEqual([
      expect.objectContaining({ campaign_id: sent.v3Id, name: "Sent during the test" }),
    ]);
    const get2 = v2(sb, await signInV2(sb));
    const v2List = (await get2("/v2/emailmarketing/campaigns?status=SENT&limit=1")).body as {
      results: Array<{ id: string; last_run_date: string }>;
    };
    expect(v2List.results[0]).toEqual(
      expect.objectContaining({ id: sent.v2Id, last_run_date: new Date(sb.now()).toISOString() }),
    );

    const rows = await api.v3Sends(sent.primaryActivityId);
    expect(rows).toHaveLength(100);
    const [lo, hi] = sb.world.audience.lists.find((l) => l.key === "events")!.ranks;
    for (const r of rows) {
      const rank = sb.world.audience.rankOf(poolIndexOfEmail(sb.config.seed, r.email_address));
      expect(rank >= lo && rank < hi).toBe(true);
    }
    const key = (email: string, at: string) => `${email}|${new Date(at).toISOString()}`;
    expect(
      sb
        .whoReceived(sent.v3Id)
        .map((r) => key(r.email, r.sentAt))
        .sort(),
    ).toEqual(rows.map((r) => key(r.email_address, r.created_time)).sort());
    expect((await api.v2Sends(sent.v2Id)).map((r) => r.email_address).sort()).toEqual(
      rows.map((r) => r.email_address).sort(),
    );
  });

  it("goes by default to all of the first list, except everyone who unsubscribed", () => {
    const sent = sb.sendCampaign();
    const newsletter = sb.world.audience.lists[0]!;
    const gone = sb.world.audience.unsubscribes.filter((u) => u.rank < newsletter.ranks[1]).length;
    expect(sent.name).toBe("Sent later 1");
    expect(sb.whoReceived(sent.primaryActivityId)).toHaveLength(
      newsletter.ranks[1] - newsletter.ranks[0] - gone,
    );
  });

  it("refuses an unknown list, naming the ones there are", () => {
    expect(() => sb.sendCampaign({ lists: ["vip"] })).toThrow(
      'no contact list "vip" (it has newsletter, customers, events)',
    );
    expect(() => sb.sendCampaign({ sends: -1 })).toThrow("sends must be a non-negative integer.");
  });

  it("is gone after a reset, like every other change", () => {
    const sent = sb.sendCampaign({ sends: 5 });
    const before = sb.world.campaigns.length;
    sb.reset();
    expect(sb.world.campaigns).toHaveLength(before - 1);
    expect(() => sb.whoReceived(sent.v3Id)).toThrow();
    expect(sb.sendCampaign({ sends: 5 }).v3Id).toBe(sent.v3Id);
  });
});

describe("the admin API", () => {
  it("POST /__sandbox/campaigns sends one; GET /__sandbox/received/{id} says who got it", async () => {
    const reply = await admin({ lists: ["customers", "events"], sends: 20, name: "Via admin" });
    expect(reply.status).toBe(201);
    const body = reply.body as {
      campaign_id: string;
      campaign_activity_id: string;
      sends: number;
      v2_campaign_id: string;
    };
    expect(body.sends).toBe(20);
    const received = (await call(sb, `/__sandbox/received/${body.campaign_activity_id}`)).body as {
      count: number;
      receipts: Array<{ email: string; v2ContactId: string }>;
    };
    expect(received.count).toBe(20);
    expect((await api.v3Sends(body.campaign_activity_id)).map((r) => r.email_address).sort()).toEqual(
      received.receipts.map((r) => r.email).sort(),
    );
    const person = received.receipts[0]!;
    const history = (await call(sb, `/__sandbox/people/${encodeURIComponent(person.email)}`)).body as {
      receipts: Array<{ campaignId: string }>;
    };
    expect(history.receipts[0]!.campaignId).toBe(body.campaign_id);
    expect((await call(sb, "/__sandbox/received/nope")).status).toBe(404);
  });

  it("refuses bad bodies with a message, and bodies not declared JSON", async () => {
    expect((await admin({ lists: "events" })).body).toEqual({
      error: "lists must be a non-empty array of contact list keys.",
    });
    expect((await admin({ sends: 1.5 })).status).toBe(400);
    expect((await admin({ colour: "red" })).body).toEqual({
      error: 'Unknown field "colour": send name, lists and sends.',
    });
    expect((await admin({ lists: ["vip"] })).status).toBe(400);
    expect((await admin({}, "text/plain")).status).toBe(415);
  });
});
