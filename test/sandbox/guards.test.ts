// @vitest-environment node
// What keeps other web pages away from the sandbox (issue 17): CORS only for the origins it was
// told, admin POSTs only as JSON, bodies up to 1 MB, and only a Host that names this machine.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../../src/sandbox/node/env";
import { type SandboxServer, startSandboxServer } from "../../src/sandbox/node/serve";
import { APP_ORIGIN, call, testSandbox } from "./support";

const EVIL_ORIGIN = "https://evil.example";

const preflightFrom = (origin: string) => ({
  method: "OPTIONS",
  headers: {
    Origin: origin,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
  },
});

describe("CORS for the allowed origins only", () => {
  it("answers the app's origin and gives another site neither headers nor a preflight", async () => {
    const sb = testSandbox();
    const fromApp = await call(sb, "/__sandbox/stats", { headers: { Origin: APP_ORIGIN } });
    expect(fromApp.headers.get("Access-Control-Allow-Origin")).toBe(APP_ORIGIN);
    const fromEvil = await call(sb, "/__sandbox/stats", { headers: { Origin: EVIL_ORIGIN } });
    expect(fromEvil.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const preflight = await call(sb, "/__sandbox/reset", preflightFrom(EVIL_ORIGIN));
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await call(sb, "/__sandbox/reset", preflightFrom(APP_ORIGIN))).status).toBe(204);
  });

  it("takes origins told after the start, under any loopback name, and keeps them through a reset", async () => {
    const sb = testSandbox({ allowedOrigins: [] });
    const later = "http://127.0.0.1:40123";
    expect((await call(sb, "/v3/emails", preflightFrom(later))).status).toBe(403);
    sb.allowOrigin(later);
    expect((await call(sb, "/v3/emails", preflightFrom(later))).status).toBe(204);
    expect((await call(sb, "/v3/emails", preflightFrom("http://localhost:40123"))).status).toBe(204);
    expect((await call(sb, "/v3/emails", preflightFrom("http://127.0.0.1:40124"))).status).toBe(403);
    sb.reset();
    expect((await call(sb, "/v3/emails", preflightFrom(later))).status).toBe(204);
  });

  it("keeps the CORS fault switch: an allowed origin gets no headers while it is on", async () => {
    const sb = testSandbox();
    sb.setFaults({ corsOff: true });
    const reply = await call(sb, "/v3/emails", { headers: { Origin: APP_ORIGIN } });
    expect(reply.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await call(sb, "/v3/emails", preflightFrom(APP_ORIGIN))).status).toBe(403);
  });

  it("reads SANDBOX_ALLOWED_ORIGINS as a comma-separated list", () => {
    const env = { SANDBOX_ALLOWED_ORIGINS: "http://127.0.0.1:4173, https://mailroom.example" };
    expect(configFromEnv(env).allowedOrigins).toEqual(["http://127.0.0.1:4173", "https://mailroom.example"]);
    expect(configFromEnv({}).allowedOrigins).toBeUndefined();
  });
});

describe("admin POSTs", () => {
  it("refuse anything but a JSON body, as a cross-site form would send (415), and change nothing", async () => {
    const sb = testSandbox();
    sb.setFaults({ unknownEnums: true });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const reply = await call(sb, "/__sandbox/reset", {
        method: "POST",
        headers: { "Content-Type": type, Origin: EVIL_ORIGIN },
        body: "{}",
      });
      expect(reply.status, type).toBe(415);
    }
    expect((await call(sb, "/__sandbox/faults", { method: "POST", body: '{"corsOff":true}' })).status).toBe(
      415,
    );
    expect(sb.faults()).toMatchObject({ unknownEnums: true, corsOff: false });
    const json = {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: "{}",
    };
    expect((await call(sb, "/__sandbox/reset", json)).status).toBe(200);
    expect(sb.faults().unknownEnums).toBe(false);
  });
});

/** A raw HTTP request, so that Host and the body are exactly what a hostile page would send. */
function raw(
  url: string,
  options: { method?: string; host?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: "/__sandbox/faults",
        method: options.method ?? "GET",
        headers: { ...(options.host ? { Host: options.host } : {}), ...options.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    // The server may close the connection while a too-large body is still being written.
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe("the Node server", () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ port: 0, config: { rateLimit: 0, allowedOrigins: [APP_ORIGIN] } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers a loopback Host under any of its names, and 421 for any other name (DNS rebinding)", async () => {
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "LOCALHOST"]) {
      expect((await raw(server.url, { host })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, "127.0.0.1.evil.example", "[::2]:80"]) {
      expect((await raw(server.url, { host })).status, host).toBe(421);
    }
  });

  it("refuses a body over 1 MB with 413, and still takes one just under it", async () => {
    const headers = { "Content-Type": "application/json" };
    const big = Buffer.alloc(1024 * 1024 + 1, " ");
    const declared = { ...headers, "Content-Length": String(big.length) };
    const refused = await raw(server.url, { method: "POST", headers: declared, body: big });
    expect(refused.status).toBe(413);
    const justUnder = Buffer.concat([Buffer.from('{"latencyMs":0}'), Buffer.alloc(1024 * 1024 - 20, " ")]);
    expect((await raw(server.url, { method: "POST", headers, body: justUnder })).status).toBe(200);
  });

  it("refuses a 20 MB body sent without a length (chunked) once it passes 1 MB", async () => {
    const headers = { "Content-Type": "application/json", "Transfer-Encoding": "chunked" };
    const refused = await raw(server.url, {
      method: "POST",
      headers,
      body: Buffer.alloc(20 * 1024 * 1024, " "),
    });
    expect(refused.status).toBe(413);
  });
});
