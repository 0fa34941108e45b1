// `npm run relay`: the relay (src/relay/) as a Node server. Node's request and response are turned
// into web Request and Response for the one handler, which holds every rule; this file only knows
// the port, the client's address and how to stream. Refuses to start on bad settings.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pathToFileURL } from "node:url";
import { makeRelay, type RelayDeps } from "../src/relay/handler";
import { RelayConfigError, type RelayEnv, relaySettingsFrom } from "../src/relay/settings";

export const DEFAULT_RELAY_PORT = 8787;

export interface RelayServer {
  url: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this to stream a request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  body.on("error", () => res.destroy());
  body.pipe(res);
}

/** Starts the relay; throws RelayConfigError on bad settings. `port: 0` picks a free port. */
export async function startRelayServer(options: {
  env: RelayEnv;
  port?: number;
  host?: string;
  deps?: RelayDeps;
}): Promise<RelayServer> {
  const relay = makeRelay(relaySettingsFrom(options.env), options.deps);
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    const gone = new AbortController();
    res.on("close", () => gone.abort(new Error("the client went away")));
    relay(toRequest(req, origin, gone.signal), req.socket.remoteAddress ?? "unknown")
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(`Relay error: ${error instanceof Error ? error.name : "unknown"}\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_RELAY_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_RELAY_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RelayConfigError(`RELAY_PORT must be a port number 0–65535 (got "${value}").`);
  }
  return port;
}

async function main(): Promise<void> {
  try {
    const server = await startRelayServer({
      env: process.env,
      port: portFrom(process.env.RELAY_PORT),
      host: process.env.RELAY_HOST,
      deps: { log: (line) => console.log(line) },
    });
    console.log(`Relay listening on ${server.url}, for ${process.env.RELAY_ALLOWED_ORIGINS}`);
  } catch (error) {
    if (!(error instanceof RelayConfigError)) throw error;
    console.error(`Relay not started: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
