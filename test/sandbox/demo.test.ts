// @vitest-environment node
// The in-browser demo adapter: the whole sign-in and API round trip at the demo origin, and what
// makes the demo last: every page load runs a new sandbox over the same persisted world.
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "../../src/core/clock";
import { DEMO_ORIGIN } from "../../src/core/demo";
import { demoFetchOver, demoSandbox, newDemoWorld } from "../../src/sandbox/browser/demo";
import { V3_CLIENT_ID } from "../../src/sandbox/credentials";
import { call, form, pkcePair, START, signInV2, signInV3, testSandbox, v2, v3 } from "./support";

let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());

/** The machine's time stands at `at` (the demo's simulated time is real time). */
function timeIs(at: number): void {
  restoreClock?.();
  restoreClock = setClock({ now: () => at, sleep: () => Promise.resolve() });
}

const MINUTE = 60_000;

describe("demoFetch", () => {
  it("answers authorize with a 302 carrying code and state, then serves tokens and data", async () => {
    const demoFetch = demoFetchOver(demoSandbox(newDemoWorld(START)));
    const { verifier, challenge } = await pkcePair();
    const redirectUri = `${DEMO_ORIGIN}/auth/callback`;
    const q = new URLSearchParams({
      client_id: V3_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "contact_data campaign_data offline_access",
      state: "demo-state",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const authorized = await demoFetch(`${DEMO_ORIGIN}/oauth2/default/v1/authorize?${q}`, {
      redirect: "manual",
    });
    expect(authorized.status).toBe(302);
    const location = new URL(authorized.headers.get("Location")!);
    expect(location.searchParams.get("state")).toBe("demo-state");
    const token = await demoFetch(new URL(`${DEMO_ORIGIN}/oauth2/default/v1/token`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: location.searchParams.get("code")!,
        redirect_uri: redirectUri,
        client_id: V3_CLIENT_ID,
        code_verifier: verifier,
      }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const emails = await demoFetch(`${DEMO_ORIGIN}/v3/emails`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(emails.status).toBe(200);
    expect(((await emails.json()) as { campaigns: unknown[] }).campaigns.length).toBeGreaterThan(0);
  });

  it("refuses any other origin: demo mode never touches the network", async () => {
    const demoFetch = demoFetchOver(demoSandbox(newDemoWorld(START)));
    await expect(demoFetch("https://api.cc.email/v3/emails")).rejects.toThrow(/demo\.mailroom\.invalid/);
  });
});

describe("sandboxes sharing a token secret (each demo page load runs a new one)", () => {
  it("accept the v3 access token, the refresh token and the v2 token another one issued", async () => {
    const first = testSandbox({ tokenSecret: "secret-1" });
    const v3Tokens = await signInV3(first);
    const v2Token = await signInV2(first);
    const next = testSandbox({ tokenSecret: "secret-1" });
    expect((await v3(next, v3Tokens.access_token)("/v3/activities")).status).toBe(200);
    expect((await v2(next, v2Token)("/v2/activities")).status).toBe(200);
    const refresh = form({
      grant_type: "refresh_token",
      refresh_token: v3Tokens.refresh_token!,
      client_id: V3_CLIENT_ID,
    });
    const renewed = await call(next, "/oauth2/default/v1/token", refresh);
    expect(renewed.status, renewed.text).toBe(200);
    // Rotation still holds within one sandbox: the spent refresh token is refused the second time.
    expect((await call(next, "/oauth2/default/v1/token", refresh)).body).toMatchObject({
      error: "invalid_grant",
    });
  });

  it("refuse tokens marked with another secret, unmarked ones, expired and revoked ones", async () => {
    const mine = await signInV3(testSandbox({ tokenSecret: "secret-1" }));
    const foreign = await signInV3(testSandbox({ tokenSecret: "secret-2" }));
    const unmarked = await signInV3(testSandbox());
    const next = testSandbox({ tokenSecret: "secret-1" });
    expect((await v3(next, foreign.access_token)("/v3/activities")).status).toBe(401);
    expect((await v3(next, unmarked.access_token)("/v3/activities")).status).toBe(401);
    const tampered = mine.access_token.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect((await v3(next, tampered)("/v3/activities")).status).toBe(401);
    const dayLater = testSandbox({ tokenSecret: "secret-1", startTime: START + 25 * 60 * MINUTE });
    expect((await v3(dayLater, mine.access_token)("/v3/activities")).status).toBe(401);
    await call(
      next,
      "/oauth2/default/v1/revoke",
      form({ token: mine.access_token, client_id: V3_CLIENT_ID }),
    );
    expect((await v3(next, mine.access_token)("/v3/activities")).status).toBe(401);
  });
});

describe("the demo world across page loads", () => {
  it("is the same world, its jobs going on in time that continued (real time since the first visit)", async () => {
    const world = newDemoWorld(START);
    expect(world.anchor).toBe(START);
    timeIs(START + 2 * MINUTE);
    const firstPage = demoSandbox(world);
    const tokens = await signInV3(firstPage);
    const jobsOf = async (sandbox: typeof firstPage) =>
      (
        (await v3(sandbox, tokens.access_token)("/v3/activities?limit=500")).body as {
          activities: { activity_id: string; state: string }[];
        }
      ).activities;
    const before = await jobsOf(firstPage);
    const running = before.filter((job) => job.state === "processing").map((job) => job.activity_id);
    expect(running.length).toBeGreaterThan(0);

    timeIs(START + 40 * MINUTE);
    const later = await jobsOf(demoSandbox(world));
    expect(later.map((job) => job.activity_id).sort()).toEqual(before.map((job) => job.activity_id).sort());
    const states = new Map(later.map((job) => [job.activity_id, job.state]));
    for (const id of running) expect(["completed", "failed"]).toContain(states.get(id));
  });
});
