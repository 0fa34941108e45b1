// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAILROOM } from "./support";

// The Worker keeps one relay per isolate: each test imports a fresh copy of the module.
async function freshWorker() {
  vi.resetModules();
  return (await import("../../../src/relay/worker")).default;
}

const request = (path: string, client = "203.0.113.5") =>
  new Request(`https://relay.example.workers.dev${path}`, {
    headers: { Origin: MAILROOM, "CF-Connecting-IP": client, Cookie: "cf=1" },
  });

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the relay as a Cloudflare Worker", () => {
  it("refuses every request, saying why, when RELAY_ALLOWED_ORIGINS is not set", async () => {
    const upstream = vi.fn();
    vi.stubGlobal("fetch", upstream);
    const worker = await freshWorker();
    const response = await worker.fetch(request("/v3/activities"), {});
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/Relay not started: RELAY_ALLOWED_ORIGINS is required/);
    expect(upstream).not.toHaveBeenCalled();
  });

  it("applies the same rules from its env: forwards to Constant Contact, without cookies, 404 elsewhere", async () => {
    const upstream = vi.fn(async (_url: string, _init: RequestInit) => new Response("[]"));
    vi.stubGlobal("fetch", upstream);
    const worker = await freshWorker();
    const env = { RELAY_ALLOWED_ORIGINS: MAILROOM };
    const response = await worker.fetch(request("/v2/activities?api_key=k"), env);
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    expect(upstream).toHaveBeenCalledTimes(1);
    const [url, init] = upstream.mock.calls[0]!;
    expect(url).toBe("https://api.constantcontact.com/v2/activities?api_key=k");
    expect(new Headers(init.headers).get("Cookie")).toBeNull();
    expect((await worker.fetch(request("/elsewhere"), env)).status).toBe(404);
  });

  it("caps the rate per CF-Connecting-IP", async () => {
    // The cap reads performance.now(): frozen here, so no request refills the bucket.
    vi.useFakeTimers({ toFake: ["performance"] });
    vi.stubGlobal("fetch", async () => new Response("[]"));
    const worker = await freshWorker();
    const env = { RELAY_ALLOWED_ORIGINS: MAILROOM, RELAY_RATE_PER_S: "1" };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await worker.fetch(request("/v3/emails"), env)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await worker.fetch(request("/v3/emails", "203.0.113.6"), env)).status).toBe(200);
  });
});
