// @vitest-environment node
// Contract of the v2 endpoints: request checks, error shapes, paging and retention.
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../../src/sandbox/clock";
import type { Sandbox } from "../../src/sandbox/core";
import { call, signInV2, testSandbox, v2 } from "./support";

let sb: Sandbox;
let get: ReturnType<typeof v2>;

beforeEach(async () => {
  sb = testSandbox();
  get = v2(sb, await signInV2(sb));
});

const campaign = (key: string) => sb.world.campaigns.find((c) => c.key === key)!;
type Row = Record<string, unknown>;

describe("v2 authentication", () => {
  it("answers 401 without api_key, as one gateway object", async () => {
    const reply = await call(sb, "/v2/activities", { headers: { Authorization: "Bearer x" } });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error_key: expect.any(String), error_message: expect.any(String) });
  });

  it("answers 401 with an error array for a bad token", async () => {
    const reply = await v2(sb, "not-a-token")("/v2/activities");
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
  });

  it("answers 401 for an unknown api_key", async () => {
    expect((await get("/v2/activities?api_key=someone-else")).status).toBe(401);
  });
});

describe("GET /v2/activities", () => {
  it("returns a bare array of at most 50, newest first, each with the seed's fields", async () => {
    const reply = await get("/v2/activities");
    const items = reply.body as Row[];
    expect(reply.status).toBe(200);
    expect(Array.isArray(items)).toBe(true);
    expect(items.length).toBe(50);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(["id", "type", "status", "created_date", "error_count", "contact_count"]),
      );
    }
    const created = items.map((i) => Date.parse(i.created_date as string));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it("shows every status, and filters by status, by type and by both", async () => {
    const all = (await get("/v2/activities")).body as Row[];
    const statuses = new Set(all.map((a) => a.status));
    for (const s of ["UNCONFIRMED", "PENDING", "QUEUED", "RUNNING", "COMPLETE", "ERROR", "CANCELLED"])
      expect(statuses).toContain(s);
    const errors = (await get("/v2/activities?status=ERROR")).body as Row[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((a) => a.status === "ERROR")).toBe(true);
    const exports = (await get("/v2/activities?type=EXPORT_CONTACTS")).body as Row[];
    expect(exports.every((a) => a.type === "EXPORT_CONTACTS")).toBe(true);
    const both = (await get("/v2/activities?status=COMPLETE&type=ADD_CONTACTS")).body as Row[];
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((a) => a.status === "COMPLETE" && a.type === "ADD_CONTACTS")).toBe(true);
  });

  it("rejects unknown status and type values with 400 and an error array", async () => {
    for (const path of ["/v2/activities?status=DONE", "/v2/activities?type=DELETE_EVERYTHING"]) {
      const reply = await get(path);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
    }
  });

  it("moves a running activity to its final status as simulated time passes", async () => {
    const running = ((await get("/v2/activities?status=RUNNING")).body as Row[])[0]!;
    sb.advance(HOUR_MS);
    const later = (await get(`/v2/activities/${running.id}`)).body as Row;
    expect(["COMPLETE", "ERROR"]).toContain(later.status);
    expect(later.finish_date).toEqual(expect.any(String));
  });
});

describe("GET /v2/activities/{id}", () => {
  it("lists hundreds of errors, some as strings and some as objects", async () => {
    const failed = sb.world.v2Activities.find((a) => a.errorCount >= 300 && a.life.finishAt < sb.now())!;
    const detail = (await get(`/v2/activities/${failed.id}`)).body as {
      errors: unknown[];
      error_count: number;
      status: string;
    };
    expect(detail.status).toBe("ERROR");
    expect(detail.errors.length).toBe(detail.error_count);
    expect(detail.errors.length).toBeGreaterThanOrEqual(300);
    expect(detail.errors.some((e) => typeof e === "string" && /^Line \d+: /.test(e))).toBe(true);
    expect(
      detail.errors.some(
        (e) => typeof e === "object" && e !== null && "line_number" in e && "email_address" in e,
      ),
    ).toBe(true);
  });

  it("gives a finished export a file_name URL", async () => {
    const exported = ((await get("/v2/activities?type=EXPORT_CONTACTS&status=COMPLETE")).body as Row[])[0]!;
    const detail = (await get(`/v2/activities/${exported.id}`)).body as Row;
    expect(detail.file_name).toMatch(/^http:\/\/.+\/v2\/activities\/.+/);
    const path = new URL(detail.file_name as string).pathname;
    const file = await get(path, { Accept: "text/csv" });
    expect(file.status).toBe(200);
    expect(file.text.trim().split("\r\n")).toHaveLength((exported.contact_count as number) + 1);
  });

  it("answers 404 for an activity older than 14 days, and once one ages past 14 days", async () => {
    const old = sb.world.v2Activities.find((a) => sb.now() - a.life.createdAt > 14 * DAY_MS)!;
    expect((await get(`/v2/activities/${old.id}`)).status).toBe(404);
    const ageing = sb.world.v2Activities.find((a) => {
      const age = sb.now() - a.life.createdAt;
      return age > 14 * DAY_MS - 4 * HOUR_MS && age <= 14 * DAY_MS;
    })!;
    expect((await get(`/v2/activities/${ageing.id}`)).status).toBe(200);
    sb.advance(4 * HOUR_MS);
    expect((await get(`/v2/activities/${ageing.id}`)).status).toBe(404);
  });
});

describe("GET /v2/emailmarketing/campaigns", () => {
  it("lists SENT campaigns by latest run, with next_link paging", async () => {
    const first = (await get("/v2/emailmarketing/campaigns?status=SENT&limit=3")).body as {
      meta: { pagination: { next_link?: string } };
      results: Row[];
    };
    expect(first.results).toHaveLength(3);
    expect(first.results.every((c) => c.status === "SENT")).toBe(true);
    const seen = [...first.results];
    let next = first.meta.pagination.next_link;
    while (next) {
      expect(next).toMatch(/^\/v2\/emailmarketing\/campaigns\?next=[^&]+$/);
      const page = (await get(next)).body as typeof first;
      seen.push(...page.results);
      next = page.meta.pagination.next_link;
    }
    const sent = sb.world.campaigns.filter((c) => c.v2Status === "SENT");
    expect(seen.map((c) => c.id)).toEqual(
      [...sent].sort((a, b) => (b.lastRunAt ?? 0) - (a.lastRunAt ?? 0)).map((c) => c.v2Id),
    );
  });

  it("checks limit (1–50), status and modified_since", async () => {
    for (const path of ["?limit=51", "?limit=0", "?status=SENDING", "?modified_since=yesterday"]) {
      expect((await get(`/v2/emailmarketing/campaigns${path}`)).status).toBe(400);
    }
    const recent = (
      await get(`/v2/emailmarketing/campaigns?modified_since=${new Date(sb.now() - DAY_MS).toISOString()}`)
    ).body as { results: Row[] };
    expect(recent.results.map((c) => c.name)).toEqual([campaign("live").name]);
  });
});

describe("GET /v2/emailmarketing/campaigns/{id}/tracking/sends", () => {
  const sendsPath = (key: string, query = "") =>
    `/v2/emailmarketing/campaigns/${campaign(key).v2Id}/tracking/sends${query}`;

  it("walks every page of the 10k campaign: all rows, each contact once, next standing alone", async () => {
    let reply = await get(sendsPath("tenk"));
    const ids = new Set<string>();
    let rows = 0;
    let pages = 0;
    for (;;) {
      expect(reply.status).toBe(200);
      const body = reply.body as { meta: { pagination: { next_link?: string } }; results: Row[] };
      pages += 1;
      for (const row of body.results) {
        expect(row).toMatchObject({ activity_type: "EMAIL_SEND", campaign_id: campaign("tenk").v2Id });
        ids.add(row.contact_id as string);
        rows += 1;
      }
      const next = body.meta.pagination.next_link;
      if (!next) break;
      expect(next).toMatch(/^\/v2\/emailmarketing\/campaigns\/\d+\/tracking\/sends\?next=[^&]+$/);
      reply = await get(next);
    }
    expect(pages).toBe(20);
    expect(rows).toBe(10_000);
    expect(ids.size).toBe(10_000);
  });

  it("refuses next combined with any parameter other than api_key", async () => {
    const first = (await get(sendsPath("spring", "?limit=10"))).body as {
      meta: { pagination: { next_link: string } };
    };
    const next = first.meta.pagination.next_link;
    expect((await get(next)).status).toBe(200);
    const reply = await get(`${next}&limit=10`);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual([{ error_key: expect.any(String), error_message: expect.any(String) }]);
  });

  it("checks limit 1–500 (default 500), dates, campaign and Accept", async () => {
    expect(((await get(sendsPath("tenk"))).body as { results: Row[] }).results).toHaveLength(500);
    for (const q of [
      "?limit=0",
      "?limit=501",
      "?limit=ten",
      "?created_since=2026-13-45",
      "?created_since=now",
    ]) {
      expect((await get(sendsPath("tenk", q))).status, q).toBe(400);
    }
    expect((await get("/v2/emailmarketing/campaigns/999/tracking/sends")).status).toBe(404);
    expect((await get(sendsPath("tiny"), { Accept: "application/xml" })).status).toBe(406);
    expect((await get(sendsPath("tiny"), { Accept: "*/*" })).status).toBe(200);
  });

  it("returns sends newest first and only those since created_since", async () => {
    const all = ((await get(sendsPath("spring"))).body as { results: Row[] }).results;
    expect(all).toHaveLength(250);
    const dates = all.map((r) => Date.parse(r.send_date as string));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const since = all[99]!.send_date as string;
    const recent = ((await get(sendsPath("spring", `?created_since=${since}`))).body as { results: Row[] })
      .results;
    expect(recent).toHaveLength(100);
  });

  it("answers an empty list for a SENT campaign with no sends", async () => {
    const body = (await get(sendsPath("empty"))).body as { results: Row[]; meta: { pagination: object } };
    expect(body.results).toEqual([]);
    expect(body.meta.pagination).toEqual({});
  });

  it("shows new sends of the live campaign to a created_since query", async () => {
    const before = ((await get(sendsPath("live"))).body as { results: Row[] }).results;
    const newest = before[0]!.send_date as string;
    sb.advance(5 * 60_000);
    const since = new Date(Date.parse(newest) + 1).toISOString();
    const added = ((await get(sendsPath("live", `?created_since=${since}`))).body as { results: Row[] })
      .results;
    expect(added).toHaveLength(10);
  });
});

describe("GET /v2/emailmarketing/campaigns/{id}/tracking/reports/summary", () => {
  it("carries `sends`, the count the campaign's sends report reaches", async () => {
    const spring = campaign("spring");
    const reply = await get(`/v2/emailmarketing/campaigns/${spring.v2Id}/tracking/reports/summary`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ sends: 250, opens: expect.any(Number), bounces: expect.any(Number) });
    const sends = await get(`/v2/emailmarketing/campaigns/${spring.v2Id}/tracking/sends`);
    expect((sends.body as { results: Row[] }).results).toHaveLength(250);
  });

  it("answers 404 for an unknown campaign", async () => {
    expect((await get("/v2/emailmarketing/campaigns/42/tracking/reports/summary")).status).toBe(404);
  });
});
