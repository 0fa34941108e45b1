// @vitest-environment node
// The Node adapter on a real socket: CORS preflight and a real cross-origin style fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../../src/sandbox/node/serve";
import { APP_ORIGIN, signInV3 } from "./support";

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({
    port: 0,
    config: { rateLimit: 0, tokenRateLimit: 0, autoApprove: true, allowedOrigins: [APP_ORIGIN] },
  });
});
afterAll(async () => {
  await server.close();
});

describe("startSandboxServer", () => {
  it("listens on a free loopback port when asked for port 0", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe("http://127.0.0.1:0");
  });

  it("answers a CORS preflight for Authorization, echoing the Origin", async () => {
    const response = await fetch(`${server.url}/v3/activities`, {
      method: "OPTIONS",
      headers: {
        Origin: APP_ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
    expect(response.headers.get("access-control-expose-headers")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("serves the API over HTTP with the Origin echoed", async () => {
    const { access_token } = await signInV3(server.sandbox);
    const response = await fetch(`${server.url}/v3/emails?limit=2`, {
      headers: { Origin: APP_ORIGIN, Authorization: `Bearer ${access_token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    const body = (await response.json()) as { campaigns: unknown[] };
    expect(body.campaigns).toHaveLength(2);
  });

  it("takes form posts to the token endpoint and admin JSON over HTTP", async () => {
    const token = await fetch(`${server.url}/oauth2/default/v1/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: APP_ORIGIN },
      body: "grant_type=refresh_token&refresh_token=nope&client_id=mailroom-sandbox-client",
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: "invalid_grant" });
    const faults = await fetch(`${server.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ latencyMs: 0 }),
    });
    expect(faults.status).toBe(200);
    const stats = (await (await fetch(`${server.url}/__sandbox/stats`)).json()) as { total: number };
    expect(stats.total).toBeGreaterThan(0);
  });
});
