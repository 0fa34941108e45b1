// The sandbox as an HTTP server on its own origin (default http://127.0.0.1:4174), so the app's
// requests are really cross-origin, as they are against api.cc.email. Node's request/response are
// converted to web Request/Response for the core; CORS is the core's business.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createSandbox, type Sandbox, type SandboxConfig } from "../core";
import { configFromEnv } from "./env";

export interface SandboxServer {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Uint8Array.from(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Starts a sandbox server. `port: 0` picks a free port. Settings from the environment
 * (SANDBOX_SENDS, SANDBOX_AUTO_APPROVE, SANDBOX_TOKEN_LIFETIME_S, …) apply under `config`.
 */
export async function startSandboxServer(
  options: { port?: number; host?: string; config?: Partial<SandboxConfig> } = {},
): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const sandbox = createSandbox({ ...configFromEnv(process.env), ...options.config });
  let origin = "";
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then((request) => sandbox.handle(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(`Sandbox server error: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4174, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// `npm run sandbox` runs this file directly: start from the environment (see main.ts). Not
// awaited: main.ts imports this module, and a top-level await here would deadlock that cycle.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import("./main");
}
