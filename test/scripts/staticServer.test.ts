// @vitest-environment node
// The static server of `npm start`, the E2E tests and the bench, driven with raw requests: what a
// hostile page on the same machine can send it (issue 17) and the base path of a sub-path build.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request exactly as given: the path is sent as it is, unparsed. */
function send(server: StaticServer, method: string, path: string): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

let folder: string;
let server: StaticServer;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "mailroom-static-"));
  mkdirSync(join(folder, "dist", "assets"), { recursive: true });
  writeFileSync(join(folder, "dist", "index.html"), "<!doctype html><title>Mailroom</title>");
  writeFileSync(join(folder, "dist", "assets", "app-1234.js"), "export {};");
  // A sibling whose name starts with the root's: the prefix check once let it through.
  mkdirSync(join(folder, "dist-old"));
  writeFileSync(join(folder, "dist-old", "x.txt"), "secret of another build");
});
afterEach(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const start = (base?: string) =>
  startStaticServer({ root: join(folder, "dist"), sandboxOrigin: "http://127.0.0.1:9", base });

describe("the static server under hostile requests", () => {
  it("answers a broken percent-encoding with 400 and keeps serving", async () => {
    server = await start();
    expect((await send(server, "GET", "/%")).status).toBe(400);
    expect((await send(server, "GET", "/%E0%A4%A")).status).toBe(400);
    expect((await send(server, "GET", "/activities")).status).toBe(200);
  });

  it("never serves a sibling folder whose name starts with the root's", async () => {
    server = await start();
    const sibling = await send(server, "GET", "/..%2fdist-old%2fx.txt");
    expect(sibling.status).toBe(403);
    expect(sibling.body).not.toContain("secret");
  });

  it("answers 405 to anything but GET and HEAD", async () => {
    server = await start();
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const answer = await send(server, method, "/activities");
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD");
      expect(answer.body).not.toContain("<title>Mailroom");
    }
    const head = await send(server, "HEAD", "/activities");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("survives a file that fails while it is read", async () => {
    // /proc/self/mem is a regular file that refuses to be read from its start (EIO): the read
    // stream fails after the headers went out. Unhandled, that error ended the process.
    symlinkSync("/proc/self/mem", join(folder, "dist", "broken.txt"));
    server = await start();
    await send(server, "GET", "/broken.txt").catch((error: Error) => error);
    expect((await send(server, "GET", "/activities")).status).toBe(200);
  });

  it("sends the deployment's security headers on pages, assets and errors", async () => {
    server = await start();
    for (const path of ["/activities", "/assets/app-1234.js", "/missing.png", "/%"]) {
      const { headers } = await send(server, "GET", path);
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("form-action 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
    }
  });
});

describe("the static server with a base path", () => {
  it("serves the app, its runtime config and its files under the base only", async () => {
    server = await start("/mailroom/");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mailroom$/);
    expect(server.url).toBe(`${server.origin}/mailroom`);
    expect((await send(server, "GET", "/mailroom/")).body).toContain("<title>Mailroom");
    expect((await send(server, "GET", "/mailroom/activities/v3/1")).body).toContain("<title>Mailroom");
    expect((await send(server, "GET", "/mailroom/assets/app-1234.js")).body).toBe("export {};");
    const config = await send(server, "GET", "/mailroom/runtime-config.json");
    expect(JSON.parse(config.body)).toEqual({ sandboxOrigin: "http://127.0.0.1:9" });
    expect((await send(server, "GET", "/activities")).status).toBe(404);
    expect((await send(server, "GET", "/mailroom-old/x")).status).toBe(404);
    expect((await send(server, "GET", "/runtime-config.json")).status).toBe(404);
  });
});
