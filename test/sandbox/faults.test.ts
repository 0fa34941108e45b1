// @vitest-environment node
// Each fault, switched through setFaults and through the admin endpoint, and the admin controls.
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import { APP_ORIGIN, call, signInV2, signInV3, testSandbox, v2, v3 } from "./support";

let sb: Sandbox;
let get: ReturnType<typeof v3>;
beforeEach(async () => {
  sb = testSandbox();
  get = v3(sb, (await signInV3(sb)).access_token);
});

const admin = (path: string, body?: unknown) =>
  call(
    sb,
    `/__sandbox/${path}`,
    body === undefined
      ? {}
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
  );

describe("faults", () => {
  it("adds latency", async () => {
    sb.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await get("/v3/emails");
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("answers a share of requests with 500/503, deterministically for a seed", async () => {
    const run = async () => {
      const fresh = testSandbox();
      const g = v3(fresh, (await signInV3(fresh)).access_token);
      fresh.setFaults({ serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await g("/v3/emails")).status);
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first.every((s) => s === 200 || s === 500 || s === 503)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it("throttles a burst of N requests, then recovers", async () => {
    sb.setFaults({ throttleBurst: 2 });
    expect((await get("/v3/emails")).body).toMatchObject({ error_key: "throttled" });
    expect((await get("/v3/emails")).status).toBe(429);
    expect((await get("/v3/emails")).status).toBe(200);
    sb.setFaults({ throttleBurst: 1 });
    const v2Reply = await v2(sb, await signInV2(sb))("/v2/activities");
    expect(v2Reply.status).toBe(403);
    expect(v2Reply.body).toMatchObject({ error_key: "mashery.not.authorized.over.qps" });
    expect(sb.stats().throttled).toBe(3);
  });

  it("truncates or malforms JSON bodies", async () => {
    sb.setFaults({ truncatedJsonRate: 1 });
    const cut = await get("/v3/emails");
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();
    sb.setFaults({ truncatedJsonRate: 0, malformedJsonRate: 1 });
    const malformed = await get("/v3/activities");
    expect(() => JSON.parse(malformed.text)).toThrow();
  });

  it("sends unknown enum values", async () => {
    sb.setFaults({ unknownEnums: true });
    const page = (await get("/v3/activities")).body as { activities: Array<{ state: string }> };
    expect(page.activities.every((a) => a.state === "paused_for_review")).toBe(true);
    const emails = (await get("/v3/emails")).body as { campaigns: Array<{ current_status: string }> };
    expect(emails.campaigns.every((c) => c.current_status === "Archived")).toBe(true);
  });

  it("expires every access token now", async () => {
    sb.setFaults({ expireTokens: true });
    expect((await get("/v3/emails")).status).toBe(401);
    const fresh = v3(sb, (await signInV3(sb)).access_token);
    expect((await fresh("/v3/emails")).status).toBe(200);
  });

  it("switches CORS off", async () => {
    const withOrigin = { headers: { Origin: APP_ORIGIN } };
    expect((await call(sb, "/v3/emails", withOrigin)).headers.get("Access-Control-Allow-Origin")).toBe(
      APP_ORIGIN,
    );
    sb.setFaults({ corsOff: true });
    expect((await call(sb, "/v3/emails", withOrigin)).headers.get("Access-Control-Allow-Origin")).toBeNull();
    const preflight = await call(sb, "/v3/emails", {
      method: "OPTIONS",
      headers: {
        Origin: APP_ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("serves a next link that does not advance", async () => {
    sb.setFaults({ stuckNextLink: true });
    const first = (await get("/v3/activities?limit=5")).body as { _links: { next: { href: string } } };
    const second = (await get(first._links.next.href)).body as { _links: { next: { href: string } } };
    expect(second._links.next.href).toBe(first._links.next.href);
  });
});

describe("admin endpoints under /__sandbox", () => {
  it("switch faults with JSON and refuse unknown switches", async () => {
    expect((await admin("faults", { throttleBurst: 1 })).body).toMatchObject({ throttleBurst: 1 });
    expect((await get("/v3/emails")).status).toBe(429);
    expect((await admin("faults", { explode: true })).status).toBe(400);
    expect((await admin("faults", { latencyMs: "slow" })).status).toBe(400);
    expect((await admin("faults")).body).toMatchObject({ throttleBurst: 0 });
  });

  it("count requests per path pattern, throttled and total", async () => {
    await get("/v3/emails");
    await get(`/v3/emails/${sb.world.campaigns[0]!.v3Id}`);
    await get(`/v3/emails/${sb.world.campaigns[1]!.v3Id}`);
    const stats = (await admin("stats")).body as {
      total: number;
      throttled: number;
      byPath: Record<string, number>;
    };
    expect(stats.byPath["GET /v3/emails/{campaign_id}"]).toBe(2);
    expect(stats.byPath["GET /v3/emails"]).toBe(1);
    expect(stats.total).toBeGreaterThanOrEqual(5);
    expect(stats.throttled).toBe(0);
  });

  it("advance the simulated clock", async () => {
    const before = sb.now();
    const reply = await admin("clock", { advanceMs: 3_600_000 });
    expect(Date.parse((reply.body as { now: string }).now)).toBe(before + 3_600_000);
    expect((await admin("clock", { advanceMs: -1 })).status).toBe(400);
  });

  it("reset tokens, stats, faults and the clock", async () => {
    sb.setFaults({ unknownEnums: true });
    sb.advance(1000);
    await admin("reset", {});
    expect((await get("/v3/emails")).status).toBe(401);
    expect(sb.faults().unknownEnums).toBe(false);
    expect(sb.stats().total).toBe(1);
  });

  it("are not reachable under the API paths", async () => {
    expect((await call(sb, "/v3/__sandbox/stats")).status).toBe(404);
    expect((await call(sb, "/v2/__sandbox/stats")).status).toBe(404);
  });
});
