import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { type PolicyOptions, policyOptionsFromEnv, securityHeaders } from "./security-headers";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** The app's address, base path included, without its trailing slash (e.g. http://127.0.0.1:3/mailroom). */
  url: string;
  /** The origin alone (what a sandbox must allow for CORS), e.g. http://127.0.0.1:3 */
  origin: string;
  /** Serve another build from now on (the E2E update test swaps builds under a running server). */
  setRoot(dir: string): void;
  /** Point `/runtime-config.json` at another sandbox (the bench's paced run uses a second one). */
  setSandboxOrigin(origin: string): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  sandboxOrigin: string;
  /** The path the build was made for (`vite build --base`); default `/`. Nothing outside it is served. */
  base?: string;
  /** Default: a sandbox build's policy, plus the origins of MAILROOM_CONNECT_SRC. */
  policy?: PolicyOptions;
}

/**
 * Serves a built Mailroom: files as they are, any other path under the base as index.html (the app
 * routes it), and `<base>runtime-config.json` so one build works with a sandbox on any port. Every
 * answer carries the deployment's security headers. A bad request gets an answer, never a crash:
 * the sandbox often runs in the same process.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  let root = resolve(options.root);
  let sandboxOrigin = options.sandboxOrigin;
  const base = `/${(options.base ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const headers = securityHeaders(options.policy ?? { ...policyOptionsFromEnv(), sandbox: true });
  const answer = (res: ServerResponse, status: number, extra: Record<string, string> = {}, body = "") => {
    res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8", ...extra });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      answer(res, 405, { Allow: "GET, HEAD" }, "Method not allowed");
      return;
    }
    const path = decodedPath(req.url);
    if (path === undefined) {
      answer(res, 400, {}, "Bad request: the path is not valid percent-encoding");
      return;
    }
    if (path === `${base}runtime-config.json`) {
      const config = JSON.stringify({ sandboxOrigin });
      answer(res, 200, { "Content-Type": "application/json", "Cache-Control": "no-store" }, config);
      return;
    }
    if (!`${path}/`.startsWith(base)) {
      answer(res, 404, {}, `Not found: Mailroom is served under ${base}`);
      return;
    }
    const inBuild = path.slice(base.length - 1);
    const file = normalize(join(root, inBuild));
    if (file !== root && !file.startsWith(root + sep)) {
      answer(res, 403);
      return;
    }
    const found = await stat(file).catch(() => undefined);
    const isFile = found?.isFile() ?? false;
    if (!isFile && extname(inBuild) !== "") {
      answer(res, 404, {}, "Not found");
      return;
    }
    const target = isFile ? file : join(root, "index.html");
    // Hashed assets never change; everything else (index.html, sw.js, manifest) must be revalidated
    // so that a new build is noticed.
    const immutable = inBuild.startsWith("/assets/");
    res.writeHead(200, {
      ...headers,
      "Content-Type": TYPES[extname(target)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(target);
    stream.on("error", (error) => {
      console.warn(`static server: could not read ${target}: ${error.message}`);
      res.destroy(error);
    });
    stream.pipe(res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.warn(`static server: ${req.method} failed: ${(error as Error).message}`);
      if (!res.headersSent) answer(res, 500, {}, "Internal error");
      else res.destroy();
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", fail);
      done();
    });
  });
  // Once listening, a failing socket must not take the process (and the sandbox in it) down.
  server.on("error", (error) => console.warn(`static server: ${error.message}`));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    origin,
    url: origin + base.replace(/\/$/, ""),
    setRoot: (dir) => {
      root = resolve(dir);
    },
    setSandboxOrigin: (origin) => {
      sandboxOrigin = origin;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The request's path, percent-decoded; undefined when the encoding is broken (`/%`). */
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://x").pathname);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}
