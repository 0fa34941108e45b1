import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

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
  url: string;
  /** Serve another build from now on (the E2E update test swaps builds under a running server). */
  setRoot(dir: string): void;
  /** Point `/runtime-config.json` at another sandbox (the bench's paced run uses a second one). */
  setSandboxOrigin(origin: string): void;
  close(): Promise<void>;
}

/**
 * Serves a built Mailroom: files as they are, any other path as index.html (the app routes it),
 * and `/runtime-config.json` so one build works with a sandbox on any port.
 */
export async function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  sandboxOrigin: string;
}): Promise<StaticServer> {
  let root = resolve(options.root);
  let sandboxOrigin = options.sandboxOrigin;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === "/runtime-config.json") {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ sandboxOrigin }));
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const found = await stat(file).catch(() => undefined);
    const isFile = found?.isFile() ?? false;
    if (!isFile && extname(path) !== "") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const target = isFile ? file : join(root, "index.html");
    // Hashed assets never change; everything else (index.html, sw.js, manifest) must be revalidated
    // so that a new build is noticed.
    const immutable = path.startsWith("/assets/");
    res.writeHead(200, {
      "Content-Type": TYPES[extname(target)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
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
