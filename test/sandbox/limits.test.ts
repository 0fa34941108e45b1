// @vitest-environment node
// Request limits: 4/s (sliding window) and a daily quota per application key, with the real bodies.
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/sandbox/clock";
import { makeSandbox } from "../../src/sandbox/core";
import { V3_CLIENT_ID } from "../../src/sandbox/credentials";
import { SlidingWindowLimiter } from "../../src/sandbox/limits";
import { call, form, REDIRECT_URI, START, signInV2, signInV3, testSandbox, v2, v3 } from "./support";

describe("the sliding one-second window", () => {
  it("never refuses a client pacing itself at one request per 250 ms", () => {
    const limiter = new SlidingWindowLimiter(4);
    for (let t = 0; t < 10_000; t += 250) expect(limiter.tryAcquire("app", t), `at ${t} ms`).toBe(true);
  });

  it("refuses the 5th request within one second, and allows again once the oldest leaves the window", () => {
    const limiter = new SlidingWindowLimiter(4);
    for (const t of [0, 100, 200, 300]) expect(limiter.tryAcquire("app", t)).toBe(true);
    expect(limiter.tryAcquire("app", 999)).toBe(false);
    expect(limiter.tryAcquire("other-app", 999)).toBe(true);
    expect(limiter.tryAcquire("app", 1000)).toBe(true);
  });

  it("is off when the limit is 0", () => {
    const limiter = new SlidingWindowLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.tryAcquire("app", 0)).toBe(true);
  });
});

describe("limits on the API", () => {
  // Real time is frozen for these tests so that the 5 requests surely fall within one second.
  const frozen = () =>
    makeSandbox({ startTime: START, timeScale: 0, rateLimit: 4, tokenRateLimit: 0 }, { realNow: () => 1000 });

  it("throttles the 5th v3 request within a second with 429 {error_key: throttled}", async () => {
    const sb = frozen();
    const get = v3(sb, (await signInV3(sb)).access_token);
    for (let i = 0; i < 4; i++) expect((await get("/v3/emails")).status).toBe(200);
    const fifth = await get("/v3/emails");
    expect(fifth.status).toBe(429);
    expect(fifth.body).toEqual({ error_key: "throttled", error_message: expect.any(String) });
    expect(sb.stats().throttled).toBe(1);
  });

  it("answers v2 over the per-second limit with 403 mashery.not.authorized.over.qps", async () => {
    const sb = frozen();
    const get = v2(sb, await signInV2(sb));
    for (let i = 0; i < 4; i++) expect((await get("/v2/activities")).status).toBe(200);
    const fifth = await get("/v2/activities");
    expect(fifth.status).toBe(403);
    expect(fifth.body).toMatchObject({ error_key: "mashery.not.authorized.over.qps" });
  });

  it("shares the budget between all tokens of one application", async () => {
    const sb = frozen();
    const a = v3(sb, (await signInV3(sb)).access_token);
    const b = v3(sb, (await signInV3(sb)).access_token);
    for (let i = 0; i < 2; i++) await a("/v3/emails");
    for (let i = 0; i < 2; i++) await b("/v3/emails");
    expect((await a("/v3/emails")).status).toBe(429);
  });

  it("answers quota_exceeded (v3) and over.ratelimit (v2) after dailyLimit, until the next UTC day", async () => {
    const sb = testSandbox({ dailyLimit: 3 });
    const get3 = v3(sb, (await signInV3(sb)).access_token);
    for (let i = 0; i < 3; i++) expect((await get3("/v3/emails")).status).toBe(200);
    const over = await get3("/v3/emails");
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ error_key: "quota_exceeded", error_message: expect.any(String) });
    const get2 = v2(sb, await signInV2(sb));
    for (let i = 0; i < 3; i++) expect((await get2("/v2/activities")).status).toBe(200);
    expect((await get2("/v2/activities")).body).toMatchObject({
      error_key: "mashery.not.authorized.over.ratelimit",
    });
    // START is 12:00 UTC: half a day later is the next UTC day (and the token is still valid).
    sb.advance(DAY_MS / 2);
    expect((await get3("/v3/emails")).status).toBe(200);
  });

  it("limits the token endpoint to about one request per second", async () => {
    const sb = makeSandbox({ startTime: START, timeScale: 0, tokenRateLimit: 1 }, { realNow: () => 5000 });
    const ask = () =>
      call(
        sb,
        "/oauth2/default/v1/token",
        form({
          grant_type: "refresh_token",
          refresh_token: "x",
          client_id: V3_CLIENT_ID,
          redirect_uri: REDIRECT_URI,
        }),
      );
    expect((await ask()).status).toBe(400);
    expect((await ask()).status).toBe(429);
  });

  it("does not limit per second with rateLimit 0", async () => {
    const sb = makeSandbox(
      { startTime: START, timeScale: 0, rateLimit: 0, tokenRateLimit: 0 },
      { realNow: () => 0 },
    );
    const get = v3(sb, (await signInV3(sb)).access_token);
    for (let i = 0; i < 20; i++) expect((await get("/v3/emails")).status).toBe(200);
  });
});
