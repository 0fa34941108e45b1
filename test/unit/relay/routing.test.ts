// @vitest-environment node
import { describe, expect, it } from "vitest";
import { fromMailroom, MAILROOM, relayWithFakeUpstream } from "./support";

const TOKEN = "Bearer eyJ.secret-access-token";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("the relay's paths: Constant Contact only", () => {
  it.each([
    ["GET", "/v3/activities?limit=50", "https://api.cc.email/v3/activities?limit=50"],
    [
      "GET",
      "/v3/reports/email_reports/a1/tracking/sends?limit=500",
      "https://api.cc.email/v3/reports/email_reports/a1/tracking/sends?limit=500",
    ],
    ["POST", "/oauth2/default/v1/token", "https://authz.constantcontact.com/oauth2/default/v1/token"],
    ["POST", "/oauth2/default/v1/revoke", "https://authz.constantcontact.com/oauth2/default/v1/revoke"],
    [
      "GET",
      "/v2/activities?api_key=k&status=ALL",
      "https://api.constantcontact.com/v2/activities?api_key=k&status=ALL",
    ],
    ["POST", "/oauth2/tokeninfo.htm", "https://oauth2.constantcontact.com/oauth2/tokeninfo.htm"],
  ])("forwards %s %s to %s", async (method, path, upstream) => {
    const { relay, calls } = relayWithFakeUpstream();
    const body = method === "POST" ? "token=abc" : undefined;
    const response = await relay(fromMailroom(path, { method, body, headers: FORM }), "203.0.113.1");
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual([upstream]);
    expect(calls[0]?.init.redirect, "a redirect could lead the relay elsewhere").toBe("manual");
  });

  it("sends every path to the one loopback origin of RELAY_UPSTREAM (tests only)", async () => {
    const { relay, calls } = relayWithFakeUpstream({ env: { RELAY_UPSTREAM: "http://127.0.0.1:4174" } });
    await relay(fromMailroom("/v3/emails"), "c");
    await relay(fromMailroom("/oauth2/default/v1/token", { method: "POST", body: "x=1" }), "c");
    await relay(fromMailroom("/v2/emailmarketing/campaigns?api_key=k"), "c");
    expect(calls.map((call) => call.url)).toEqual([
      "http://127.0.0.1:4174/v3/emails",
      "http://127.0.0.1:4174/oauth2/default/v1/token",
      "http://127.0.0.1:4174/v2/emailmarketing/campaigns?api_key=k",
    ]);
  });

  it.each([
    "/",
    "/v3",
    "/v2/",
    "/v1/contacts",
    "/oauth2/default/v1/authorize",
    "/oauth2/oauth/siteowner/authorize",
    "/__sandbox/faults",
    "/https://evil.example/v3/x",
  ])("answers 404 on %s and contacts no upstream", async (path) => {
    const { relay, calls } = relayWithFakeUpstream();
    const response = await relay(fromMailroom(path), "c");
    expect(response.status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["POST", "/v3/activities"],
    ["DELETE", "/v3/activities/a1"],
    ["PUT", "/v2/activities"],
    ["GET", "/oauth2/default/v1/token"],
    ["PATCH", "/oauth2/tokeninfo.htm"],
  ])("answers 405 to %s %s, naming the method it takes", async (method, path) => {
    const { relay, calls } = relayWithFakeUpstream();
    const response = await relay(
      fromMailroom(path, { method, body: method === "GET" ? undefined : "x" }),
      "c",
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toMatch(/^(GET|POST), OPTIONS$/);
    expect(calls).toHaveLength(0);
  });
});

describe("the relay's CORS: exact allowed origins, never credentials", () => {
  it.each([
    ["another origin", "https://evil.example"],
    ["a look-alike", "https://mailroom.example.org.evil.example"],
    ["the allowed host on http", "http://mailroom.example.org"],
    ["no origin at all", null],
  ])("refuses %s with 403, no CORS header, and contacts no upstream", async (_, origin) => {
    const { relay, calls } = relayWithFakeUpstream();
    for (const method of ["GET", "OPTIONS"]) {
      const response = await relay(fromMailroom("/v3/activities", { origin, method }), "c");
      expect(response.status).toBe(403);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
    expect(calls).toHaveLength(0);
  });

  it("answers an allowed origin with its own origin and never Allow-Credentials", async () => {
    const { relay } = relayWithFakeUpstream();
    const response = await relay(fromMailroom("/v3/activities"), "c");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    expect(response.headers.get("Vary")).toBe("Origin");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("answers a preflight for the path's method and forwarded headers, and nothing more", async () => {
    const { relay, calls } = relayWithFakeUpstream();
    const preflight = (path: string, method: string, headers: string) =>
      relay(
        fromMailroom(path, {
          method: "OPTIONS",
          headers: { "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers },
        }),
        "c",
      );
    const ok = await preflight("/v3/activities", "GET", "authorization, accept");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    expect(ok.headers.get("Access-Control-Allow-Methods")).toBe("GET");
    expect(ok.headers.get("Access-Control-Allow-Headers")).toBe("Authorization, Accept, Content-Type");
    expect(ok.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect((await preflight("/oauth2/default/v1/token", "POST", "content-type")).status).toBe(204);
    expect((await preflight("/v3/activities", "POST", "")).status).toBe(403);
    expect((await preflight("/v3/activities", "GET", "authorization, x-api-key")).status).toBe(403);
    expect((await preflight("/v3/activities", "GET", "cookie")).status).toBe(403);
    expect((await preflight("/nowhere", "GET", "")).status).toBe(404);
    expect(calls, "a preflight is the relay's own answer").toHaveLength(0);
  });

  it("grants Private Network Access to an allowed origin that asks (a relay on the user's own machine)", async () => {
    const { relay } = relayWithFakeUpstream();
    const response = await relay(
      fromMailroom("/v3/activities", {
        method: "OPTIONS",
        headers: { "Access-Control-Request-Method": "GET", "Access-Control-Request-Private-Network": "true" },
      }),
      "c",
    );
    expect(response.headers.get("Access-Control-Allow-Private-Network")).toBe("true");
  });
});

describe("what crosses the relay", () => {
  it("forwards only Authorization, Accept, Content-Type and the body: no cookie, no origin, nothing else", async () => {
    const { relay, calls } = relayWithFakeUpstream();
    await relay(
      fromMailroom("/oauth2/default/v1/token", {
        method: "POST",
        body: "grant_type=refresh_token&refresh_token=r1",
        headers: {
          Authorization: TOKEN,
          Accept: "application/json",
          ...FORM,
          Cookie: "session=browser",
          Referer: "https://mailroom.example.org/settings",
          "X-Forwarded-For": "198.51.100.9",
        },
      }),
      "c",
    );
    const [call] = calls;
    expect([...(call?.headers.keys() ?? [])].sort()).toEqual(["accept", "authorization", "content-type"]);
    expect(call?.headers.get("Authorization")).toBe(TOKEN);
    expect(call?.init.credentials).toBe("omit");
    expect(new TextDecoder().decode(call?.init.body as Uint8Array)).toBe(
      "grant_type=refresh_token&refresh_token=r1",
    );
  });

  it("returns no Set-Cookie and no other header of the upstream's beyond plain content headers", async () => {
    const { relay } = relayWithFakeUpstream({
      answer: () =>
        new Response('{"ok":true}', {
          status: 201,
          headers: {
            "Content-Type": "application/json",
            "Set-Cookie": "session=upstream",
            "Content-Encoding": "gzip",
            "X-Internal": "1",
            "Retry-After": "2",
          },
        }),
    });
    const response = await relay(fromMailroom("/v3/activities"), "c");
    expect(response.status).toBe(201);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(response.headers.get("Content-Encoding"), "fetch already decoded the body").toBeNull();
    expect(response.headers.get("X-Internal")).toBeNull();
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(response.headers.get("Access-Control-Expose-Headers")).toBe("Retry-After");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("logs method, path and status, never a token, a body or a query string", async () => {
    const { relay, logs } = relayWithFakeUpstream();
    await relay(
      fromMailroom("/v2/activities?api_key=secret-key&next=cursor", { headers: { Authorization: TOKEN } }),
      "c",
    );
    await relay(
      fromMailroom("/oauth2/tokeninfo.htm", { method: "POST", body: "access_token=secret-v2" }),
      "c",
    );
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^GET \/v2\/activities 200 \d+ms$/);
    expect(logs[1]).toMatch(/^POST \/oauth2\/tokeninfo\.htm 200 \d+ms$/);
    expect(logs.join("\n")).not.toMatch(/secret|eyJ|cursor|\?/);
  });

  it("marks the answers it made itself, so a refusal by the relay is told apart from Constant Contact's", async () => {
    const { relay, logs } = relayWithFakeUpstream({
      answer: () => new Response("[]", { status: 429 }),
    });
    await relay(fromMailroom("/v3/activities"), "c");
    await relay(fromMailroom("/v3/activities", { method: "POST" }), "c");
    expect(logs[0]).toMatch(/^GET \/v3\/activities 429 \d+ms$/);
    expect(logs[1]).toMatch(/^POST \/v3\/activities 405 \(relay\) \d+ms$/);
  });
});
