// @vitest-environment node
// The audience: campaigns go to overlapping contact lists of one audience, so people recur; a
// resend reaches a subset of its campaign's recipients; who unsubscribed receives nothing sent
// after; v2 and v3 agree on who got what; `whoReceived` and `receivedBy` say what the sends
// reports page out. Checked through the API, page by page, as a client sees it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import { personAt, poolIndexOfEmail } from "../../src/sandbox/data/people";
import { campaignByKey, type Reports, reports, sentCampaigns } from "./audienceSupport";
import { signInV3, testSandbox, v3 } from "./support";

let sb: Sandbox;
let api: Reports;
/** Every v3 send row of every campaign activity, by activity id. */
const v3Rows = new Map<string, Array<{ email_address: string; contact_id: string; created_time: string }>>();

beforeAll(async () => {
  sb = testSandbox();
  api = await reports(sb);
  for (const [id, ref] of sb.world.campaignActivity) if (ref.series) v3Rows.set(id, await api.v3Sends(id));
});

const emailsOf = (activityId: string) => new Set((v3Rows.get(activityId) ?? []).map((r) => r.email_address));
const rankOf = (email: string) => sb.world.audience.rankOf(poolIndexOfEmail(sb.config.seed, email));
const list = (key: string) => sb.world.audience.lists.find((l) => l.key === key)!;

describe("campaigns sent to contact lists of one audience", () => {
  it("has three overlapping lists of 5,000–50,000 people", () => {
    const lists = sb.world.audience.lists;
    expect(lists.map((l) => l.key)).toEqual(["newsletter", "customers", "events"]);
    for (const l of lists) expect(l.ranks[1] - l.ranks[0]).toBeGreaterThanOrEqual(5000);
    expect(list("newsletter").ranks[1]).toBeGreaterThan(list("customers").ranks[0]);
    expect(list("customers").ranks[1]).toBeGreaterThan(list("events").ranks[0]);
  });

  it("sends each person of a campaign once, to people of its lists, and says which lists", async () => {
    const get = v3(sb, (await signInV3(sb)).access_token);
    for (const c of sentCampaigns(sb)) {
      const rows = v3Rows.get(c.primaryActivityId) ?? [];
      expect(emailsOf(c.primaryActivityId).size, c.key).toBe(rows.length);
      const ranges = sb.world.audience.lists.filter((l) => c.listIds.includes(l.v3Id)).map((l) => l.ranks);
      for (const row of rows) {
        const rank = rankOf(row.email_address);
        expect(
          ranges.some(([lo, hi]) => rank >= lo && rank < hi),
          `${c.key} ${row.email_address}`,
        ).toBe(true);
      }
      const activity = (await get(`/v3/emails/activities/${c.primaryActivityId}`)).body as {
        contact_list_ids: string[];
      };
      expect(activity.contact_list_ids).toEqual(c.listIds);
    }
  });

  it("sends a whole-list campaign to every member who had not unsubscribed", () => {
    const launch = sb.world.campaigns.find((c) => c.name === "Product launch #1")!;
    const [lo, hi] = [list("customers").ranks[0], list("events").ranks[1]];
    const gone = sb.world.audience.unsubscribes.filter(
      (u) => u.rank >= lo && u.rank < hi && u.at < launch.lastRunAt!,
    );
    expect(gone.length).toBeGreaterThan(0);
    expect(emailsOf(launch.primaryActivityId).size).toBe(hi - lo - gone.length);
  });

  it("reaches the same people again and again across campaigns", () => {
    const tenk = emailsOf(campaignByKey(sb, "tenk").primaryActivityId);
    const big = emailsOf(campaignByKey(sb, "big").primaryActivityId);
    expect([...tenk].filter((e) => big.has(e)).length).toBeGreaterThan(1000);
    const campaignsPerPerson = new Map<string, number>();
    for (const c of sentCampaigns(sb))
      for (const email of emailsOf(c.primaryActivityId))
        campaignsPerPerson.set(email, (campaignsPerPerson.get(email) ?? 0) + 1);
    expect([...campaignsPerPerson.values()].filter((n) => n >= 4).length).toBeGreaterThan(1000);
  });

  it("names people with accents too (Müller, Zoë, José)", () => {
    const rows = v3Rows.get(campaignByKey(sb, "tenk").primaryActivityId) as Array<{
      first_name?: string;
      last_name?: string;
    }>;
    expect(rows.some((r) => r.last_name === "Müller")).toBe(true);
    expect(rows.some((r) => r.first_name === "Zoë")).toBe(true);
    expect(rows.some((r) => r.first_name === "José")).toBe(true);
  });
});

describe("resends and unsubscribes", () => {
  it("sends a resend to a subset of its campaign's recipients", () => {
    const withResend = sb.world.campaigns.filter((c) => c.resend);
    expect(withResend.map((c) => c.key)).toEqual(expect.arrayContaining(["spring", "audience-0"]));
    for (const c of withResend) {
      const primary = emailsOf(c.primaryActivityId);
      const resend = emailsOf(c.resendActivityId!);
      expect(resend.size, c.key).toBe(c.resend!.baseCount);
      expect(resend.size).toBeLessThan(primary.size);
      expect(
        [...resend].filter((e) => !primary.has(e)),
        c.key,
      ).toEqual([]);
    }
    expect(emailsOf(campaignByKey(sb, "spring").resendActivityId!).size).toBe(40);
  });

  it("sends nothing to a person after they unsubscribed, though they received campaigns before", () => {
    const sends = new Map<string, number[]>();
    for (const rows of v3Rows.values())
      for (const r of rows)
        sends.set(r.email_address, [...(sends.get(r.email_address) ?? []), Date.parse(r.created_time)]);
    const people = sb.world.audience.unsubscribes.map((u) => ({
      ...u,
      email: personAt(sb.config.seed, sb.world.audience.poolIndexOf(u.rank)).email,
    }));
    let receivedBefore = 0;
    for (const u of people) {
      const times = sends.get(u.email) ?? [];
      expect(
        times.filter((t) => t >= u.at),
        `unsubscribed at ${new Date(u.at).toISOString()}`,
      ).toEqual([]);
      if (times.length) receivedBefore++;
    }
    expect(receivedBefore).toBeGreaterThan(50);
    // The live campaign went to Customers and Event attendees after every unsubscribe: none of them.
    const live = campaignByKey(sb, "live");
    const [lo, hi] = [list("customers").ranks[0], list("events").ranks[1]];
    const inItsLists = sb.world.audience.unsubscribes.filter((u) => u.rank >= lo && u.rank < hi);
    expect(inItsLists.length).toBeGreaterThan(0);
    const liveEmails = emailsOf(live.primaryActivityId);
    for (const u of inItsLists)
      expect(live.primary!.sendIndexOf(sb.world.audience.poolIndexOf(u.rank))).toBe(-1);
    expect(liveEmails.size).toBeGreaterThan(100);
  });
});

describe("v2 and v3 agree on who got what", () => {
  it("gives every campaign the same emails in both, with v2 numeric ids and v3 UUIDs for the same people", async () => {
    const idsOf = new Map<string, string>();
    for (const c of sentCampaigns(sb)) {
      const v2Rows = await api.v2Sends(c.v2Id);
      const v3 = v3Rows.get(c.primaryActivityId) ?? [];
      expect(v2Rows.map((r) => r.email_address).sort(), c.key).toEqual(v3.map((r) => r.email_address).sort());
      for (const r of v2Rows) expect(r.contact_id).toMatch(/^\d+$/);
      for (const r of v3) expect(r.contact_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
      const v3IdOf = new Map(v3.map((r) => [r.email_address, r.contact_id]));
      for (const r of v2Rows) {
        const pair = `${r.contact_id}|${v3IdOf.get(r.email_address)}`;
        expect(idsOf.get(r.email_address) ?? pair).toBe(pair);
        idsOf.set(r.email_address, pair);
      }
    }
    expect(idsOf.size).toBeGreaterThan(10_000);
  });
});

describe("who received what, from the sandbox's own data", () => {
  const key = (email: string, at: string) => `${email}|${new Date(at).toISOString()}`;

  it("whoReceived gives each campaign activity exactly the rows its v3 sends report pages out", () => {
    for (const [id, rows] of v3Rows) {
      const expected = rows.map((r) => key(r.email_address, r.created_time)).sort();
      expect(
        sb
          .whoReceived(id)
          .map((r) => key(r.email, r.sentAt))
          .sort(),
        id,
      ).toEqual(expected);
    }
  });

  it("whoReceived of a v2 id is its v2 report; of a v3 campaign, its primary run and its resend", async () => {
    const spring = campaignByKey(sb, "spring");
    const v2Rows = await api.v2Sends(spring.v2Id);
    expect(
      sb
        .whoReceived(spring.v2Id)
        .map((r) => key(r.email, r.sentAt))
        .sort(),
    ).toEqual(v2Rows.map((r) => key(r.email_address, r.send_date)).sort());
    const all = sb.whoReceived(spring.v3Id);
    expect(all.filter((r) => r.role === "resend")).toHaveLength(40);
    expect(all).toHaveLength(250 + 40);
    expect(sb.whoReceived(campaignByKey(sb, "resume").resendActivityId!)).toEqual([]);
    expect(() => sb.whoReceived("no-such-campaign")).toThrow(/no campaign or campaign activity/);
  });

  it("receivedBy gives one person's sends across campaigns, newest first, as the reports have them", () => {
    const tally = new Map<string, string[]>();
    for (const rows of v3Rows.values())
      for (const r of rows)
        tally.set(r.email_address, [...(tally.get(r.email_address) ?? []), r.created_time]);
    const [email, times] = [...tally].sort((a, b) => b[1].length - a[1].length)[0]!;
    const history = sb.receivedBy(email);
    expect(history.length).toBeGreaterThanOrEqual(5);
    expect(history.map((r) => r.sentAt)).toEqual([...times].sort().reverse());
    expect(sb.receivedBy(history[0]!.v2ContactId)).toEqual(history);
    expect(sb.receivedBy("nobody@example.com")).toEqual([]);
  });
});
