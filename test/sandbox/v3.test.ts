// @vitest-environment node
// Contract of the v3 endpoints: request checks, error shapes, paging, retention, scopes.
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../src/sandbox/clock";
import type { Sandbox } from "../../src/sandbox/core";
import { signInV3, testSandbox, v3 } from "./support";

let sb: Sandbox;
let get: ReturnType<typeof v3>;

beforeEach(async () => {
  sb = testSandbox();
  get = v3(sb, (await signInV3(sb)).access_token);
});

type Row = Record<string, unknown>;
type Page<K extends string> = { [key in K]: Row[] } & { _links: { next?: { href: string } } };
const campaign = (key: string) => sb.world.campaigns.find((c) => c.key === key)!;

async function walk<K extends string>(first: string, key: K): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let pages = 0;
  let path: string | undefined = first;
  while (path) {
    const reply = await get(path);
    expect(reply.status, path).toBe(200);
    const page = reply.body as Page<K>;
    rows.push(...page[key]);
    pages += 1;
    path = page._links.next?.href;
    if (path) expect(path).toMatch(/^\/v3\//);
  }
  return { rows, pages };
}

describe("v3 authentication and scopes", () => {
  it("answers 401 with one object (not an array) without a valid token", async () => {
    for (const reply of [await v3(sb, "nope")("/v3/activities"), await v3(sb, "")("/v3/emails")]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error_key: "unauthorized", error_message: expect.any(String) });
    }
  });

  it("answers 403 when the token lacks contact_data or campaign_data", async () => {
    const campaignsOnly = v3(sb, (await signInV3(sb, "campaign_data")).access_token);
    expect((await campaignsOnly("/v3/activities")).status).toBe(403);
    expect((await campaignsOnly("/v3/emails")).status).toBe(200);
    const contactsOnly = v3(sb, (await signInV3(sb, "contact_data")).access_token);
    const denied = await contactsOnly(
      `/v3/reports/email_reports/${campaign("tiny").primaryActivityId}/tracking/sends`,
    );
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
  });
});

describe("GET /v3/activities", () => {
  it("defaults to 50 per page and pages with a relative _links.next through every activity", async () => {
    const first = (await get("/v3/activities")).body as Page<"activities">;
    expect(first.activities).toHaveLength(50);
    const { rows } = await walk("/v3/activities?limit=7", "activities");
    const ids = rows.map((a) => a.activity_id);
    expect(new Set(ids).size).toBe(ids.length);
    const visible = sb.world.v3Activities.filter(
      (a) => sb.now() - a.life.createdAt <= 10 * DAY_MS && a.life.createdAt <= sb.now(),
    );
    expect(ids.length).toBe(visible.length);
  });

  it("shows every state and filters by state", async () => {
    const { rows } = await walk("/v3/activities?limit=500", "activities");
    expect(new Set(rows.map((a) => a.state))).toEqual(
      new Set(["initialized", "processing", "completed", "cancelled", "failed", "timed_out"]),
    );
    const failed = (await get("/v3/activities?state=failed")).body as Page<"activities">;
    expect(failed.activities.length).toBeGreaterThan(0);
    expect(failed.activities.every((a) => a.state === "failed")).toBe(true);
  });

  it("rejects limit outside 1–500 and invalid states (initialized is not a filter) with an error array", async () => {
    for (const q of ["limit=0", "limit=501", "limit=abc", "state=initialized", "state=done"]) {
      const reply = await get(`/v3/activities?${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
    }
  });
});

describe("GET /v3/activities/{id}", () => {
  it("progresses percent_done and counts with simulated time, then completes", async () => {
    const running = ((await get("/v3/activities?state=processing")).body as Page<"activities">)
      .activities[0]!;
    const id = running.activity_id as string;
    const before = (await get(`/v3/activities/${id}`)).body as Row & { status: Row };
    sb.advance(2 * MINUTE_MS);
    const after = (await get(`/v3/activities/${id}`)).body as Row & { status: Row };
    expect(after.percent_done as number).toBeGreaterThan(before.percent_done as number);
    expect(after.status.items_completed_count as number).toBeGreaterThan(
      before.status.items_completed_count as number,
    );
    sb.advance(HOUR_MS);
    const done = (await get(`/v3/activities/${id}`)).body as Row;
    expect(["completed", "failed"]).toContain(done.state);
    expect(done.completed_at).toEqual(expect.any(String));
  });

  it("lists hundreds of error strings for a failed import", async () => {
    const failed = sb.world.v3Activities.find((a) => a.errorCount >= 300 && a.life.finishAt < sb.now())!;
    const detail = (await get(`/v3/activities/${failed.id}`)).body as {
      activity_errors: unknown[];
      state: string;
    };
    expect(detail.state).toBe("failed");
    expect(detail.activity_errors.length).toBeGreaterThanOrEqual(300);
    expect(detail.activity_errors.every((e) => typeof e === "string")).toBe(true);
  });

  it("serves a finished export's CSV at _links.results.href", async () => {
    const exp = sb.world.v3Activities.find((a) => a.kind === "export" && a.life.finishAt < sb.now())!;
    const detail = (await get(`/v3/activities/${exp.id}`)).body as { _links: { results: { href: string } } };
    expect(detail._links.results.href).toBe(`/v3/contact_exports/${exp.id}`);
    const file = await get(detail._links.results.href);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(file.text.split("\r\n")[0]).toBe("email,first_name,last_name,contact_id");
    expect(file.text.trim().split("\r\n")).toHaveLength(exp.itemsTotal + 1);
  });

  it("answers 404 for an activity older than 10 days and for one that ages past 10 days", async () => {
    const old = sb.world.v3Activities.find((a) => sb.now() - a.life.createdAt > 10 * DAY_MS)!;
    expect((await get(`/v3/activities/${old.id}`)).status).toBe(404);
    const ageing = sb.world.v3Activities.find((a) => {
      const age = sb.now() - a.life.createdAt;
      return age > 10 * DAY_MS - 4 * HOUR_MS && age <= 10 * DAY_MS;
    })!;
    expect((await get(`/v3/activities/${ageing.id}`)).status).toBe(200);
    sb.advance(4 * HOUR_MS);
    const gone = await get(`/v3/activities/${ageing.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
  });
});

describe("GET /v3/emails and campaign activities", () => {
  it("lists every campaign (deleted included) through _links.next, and checks limit and dates", async () => {
    const { rows, pages } = await walk("/v3/emails?limit=4", "campaigns");
    expect(rows.map((c) => c.campaign_id).sort()).toEqual(sb.world.campaigns.map((c) => c.v3Id).sort());
    expect(pages).toBe(Math.ceil(sb.world.campaigns.length / 4));
    expect(rows.some((c) => c.current_status === "Removed")).toBe(true);
    for (const q of ["limit=0", "limit=501", "before_date=soon", "after_date=2026-02-30T99:00:00Z"]) {
      expect((await get(`/v3/emails?${q}`)).status, q).toBe(400);
    }
    const after = new Date(sb.now() - DAY_MS).toISOString();
    const recent = (await get(`/v3/emails?after_date=${after}`)).body as Page<"campaigns">;
    expect(recent.campaigns.map((c) => c.campaign_id)).toEqual([campaign("live").v3Id]);
  });

  it("gives a campaign its primary_email, permalink and resend activities", async () => {
    const body = (await get(`/v3/emails/${campaign("spring").v3Id}`)).body as { campaign_activities: Row[] };
    expect(body.campaign_activities.map((a) => a.role)).toEqual(["primary_email", "permalink", "resend"]);
    expect((await get("/v3/emails/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const activity = (await get(`/v3/emails/activities/${campaign("spring").primaryActivityId}`)).body as Row;
    expect(activity).toMatchObject({
      role: "primary_email",
      campaign_id: campaign("spring").v3Id,
      current_status: "DONE",
    });
  });

  it("reports one send_history entry per run with its count, empty when never sent", async () => {
    const history = (await get(`/v3/emails/activities/${campaign("spring").primaryActivityId}/send_history`))
      .body as Row[];
    expect(history).toEqual([expect.objectContaining({ send_id: 1, count: 250, send_status: "COMPLETED" })]);
    const unsent = await get(`/v3/emails/activities/${campaign("resume").resendActivityId}/send_history`);
    expect(unsent.body).toEqual([]);
  });
});

describe("GET /v3/reports/email_reports/{id}/tracking/sends", () => {
  const sendsOf = (id: string, q = "") => `/v3/reports/email_reports/${id}/tracking/sends${q}`;

  it("walks every page of the 10k campaign newest first: all rows, each contact once", async () => {
    const { rows, pages } = await walk(sendsOf(campaign("tenk").primaryActivityId), "tracking_activities");
    expect(pages).toBe(20);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r.contact_id)).size).toBe(10_000);
    const times = rows.map((r) => Date.parse(r.created_time as string));
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);
  });

  it("answers 200 with an empty list for an activity never sent, 404 for an unknown one", async () => {
    const unsent = await get(sendsOf(campaign("resume").resendActivityId!));
    expect(unsent.status).toBe(200);
    expect(unsent.body).toEqual({ tracking_activities: [], _links: {} });
    expect((await get(sendsOf("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });

  it("checks limit 1–500, default 500", async () => {
    const page = (await get(sendsOf(campaign("tenk").primaryActivityId))).body as Page<"tracking_activities">;
    expect(page.tracking_activities).toHaveLength(500);
    for (const q of ["?limit=0", "?limit=501", "?limit=x"]) {
      expect((await get(sendsOf(campaign("tenk").primaryActivityId, q))).status, q).toBe(400);
    }
  });

  it("puts new sends of the live campaign first, without shifting pages already being walked", async () => {
    const id = campaign("live").primaryActivityId;
    const first = (await get(sendsOf(id, "?limit=50"))).body as Page<"tracking_activities">;
    sb.advance(10 * MINUTE_MS);
    const second = (await get(first._links.next!.href)).body as Page<"tracking_activities">;
    const firstIds = new Set(first.tracking_activities.map((r) => r.contact_id));
    expect(second.tracking_activities.some((r) => firstIds.has(r.contact_id))).toBe(false);
    const fresh = (await get(sendsOf(id, "?limit=50"))).body as Page<"tracking_activities">;
    expect(fresh.tracking_activities.slice(20).map((r) => r.contact_id)).toEqual(
      first.tracking_activities.slice(0, 30).map((r) => r.contact_id),
    );
  });

  it("also reports a sent resend activity", async () => {
    const page = (await get(sendsOf(campaign("spring").resendActivityId!)))
      .body as Page<"tracking_activities">;
    expect(page.tracking_activities).toHaveLength(40);
  });
});
