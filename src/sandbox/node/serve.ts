// The sandbox as an HTTP server on its own origin (default http://127.0.0.1:4174), so the app's
// requests are really cross-origin, as they are against api.cc.email. Node's request/response are
// converted to web Request/Response for the core; CORS is the core's business.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { makeSandbox, type Sandbox, type SandboxConfig } from "../core";
import { configFromEnv } from "./env";
import { BodyTooLargeError, hostAllowed, readBody } from "./guard";

export interface SandboxServer {
  url: string;
  sandbox: Sandbox;
  /** Answers CORS for `origin` from now on: for an app started after the sandbox on a free port. */
  allowOrigin(origin: string): void;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const body = method !== "GET" && method !== "HEAD" ? await readBody(req) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Plain-text refusals: too large a body (413), a Host that is not this machine (421), a crash. */
function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
  res.end(message);
}

/**
 * Starts a sandbox server. `port: 0` picks a free port. Settings from the environment
 * (SANDBOX_SENDS, SANDBOX_AUTO_APPROVE, SANDBOX_ALLOWED_ORIGINS, …) apply under `config`; CORS
 * answers only `config.allowedOrigins` and what `allowOrigin` adds.
 */
export async function startSandboxServer(
  options: { port?: number; host?: string; config?: Partial<SandboxConfig> } = {},
): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const sandbox = makeSandbox({ ...configFromEnv(process.env), ...options.config });
  let origin = "";
  const server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, host)) {
      refuse(res, 421, `The sandbox answers only for the loopback or ${host}, not "${req.headers.host}".`);
      return;
    }
    toRequest(req, origin)
      .then((request) => sandbox.handle(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          // Stop reading: the rest of the body is dropped with the connection once this is sent.
          res.once("finish", () => req.destroy());
          refuse(res, 413, "Request bodies are limited to 1 MB.");
          return;
        }
        refuse(res, 500, `Sandbox server error: ${error instanceof Error ? error.message : String(error)}`);
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
    allowOrigin: (allowed) => sandbox.allowOrigin(allowed),
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
