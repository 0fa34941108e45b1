// The relay: one fetch-style handler (Request → Response) that every entry (Node, a Cloudflare
// Worker) wraps. It forwards Mailroom's requests to Constant Contact for pages on the allowed
// origins, and refuses everything else before any upstream is contacted.
import { readCappedBody } from "./body";
import { corsHeaders, preflightAnswer } from "./cors";
import { forward, UpstreamTimeoutError, UpstreamUnreachableError } from "./forward";
import { makeRateLimiter } from "./rateLimit";
import { routeOf, UPSTREAMS } from "./routes";
import type { RelaySettings } from "./settings";

export interface RelayDeps {
  /** The upstream fetch (tests replace it). */
  fetch?: typeof fetch;
  /** A monotonic clock in ms for the rate cap. */
  now?: () => number;
  /** One line per request: method, path without its query, status, time. Never a header. */
  log?: (line: string) => void;
}

/** Answers the relay made itself (refusals, timeouts), told apart from Constant Contact's in the log. */
const ownAnswers = new WeakSet<Response>();

/** `client` identifies the caller for the rate cap: its IP address, as the entry knows it. */
export type RelayHandler = (request: Request, client: string) => Promise<Response>;

export function makeRelay(settings: RelaySettings, deps: RelayDeps = {}): RelayHandler {
  const now = deps.now ?? (() => performance.now());
  const upstreamFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const limiter = makeRateLimiter(settings.ratePerSecond, now);
  const log = deps.log ?? (() => {});

  const answer = async (request: Request, client: string): Promise<Response> => {
    const url = new URL(request.url);
    const origin = request.headers.get("Origin");
    if (origin === null || !settings.allowedOrigins.has(origin)) {
      return plain(403, "This origin may not use the relay (RELAY_ALLOWED_ORIGINS).", { Vary: "Origin" });
    }
    const cors = corsHeaders(origin);
    const route = routeOf(url.pathname);
    if (!route) return plain(404, "The relay forwards only Constant Contact's API and sign-in paths.", cors);
    const retryAfterS = limiter.take(client);
    if (retryAfterS > 0) return throttled(retryAfterS, cors);
    if (request.method === "OPTIONS") return own(preflightAnswer(request, origin, route.method));
    if (request.method !== route.method) {
      return plain(405, `Only ${route.method} is forwarded on this path.`, {
        ...cors,
        Allow: `${route.method}, OPTIONS`,
      });
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (route.method === "POST") {
      const read = await readCappedBody(request, settings.maxBodyBytes);
      if ("tooLarge" in read)
        return plain(413, `The relay forwards bodies up to ${settings.maxBodyBytes} bytes.`, cors);
      body = read.bytes;
    }
    const base = settings.upstreamOverride ?? UPSTREAMS[route.upstream];
    try {
      const upstream = await forward({
        url: base + url.pathname + url.search,
        method: route.method,
        headers: request.headers,
        body,
        signal: request.signal,
        timeoutMs: settings.upstreamTimeoutMs,
        fetch: upstreamFetch,
      });
      for (const [name, value] of Object.entries(cors)) upstream.headers.set(name, value);
      return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
    } catch (error) {
      // The error's kind and message only: never the request's headers (tokens) or body.
      log(`${request.method} ${url.pathname} failed: ${describeError(error)}`);
      if (error instanceof UpstreamTimeoutError) return plain(504, error.message, cors);
      if (error instanceof UpstreamUnreachableError) return plain(502, error.message, cors);
      return plain(
        500,
        "The relay failed on this request (a fault in the relay, not Constant Contact).",
        cors,
      );
    }
  };

  return async (request, client) => {
    const started = now();
    const response = await answer(request, client);
    // The path only: queries carry v2's api_key and paging cursors; headers carry tokens.
    const by = ownAnswers.has(response) ? " (relay)" : "";
    const ms = Math.round(now() - started);
    log(`${request.method} ${new URL(request.url).pathname} ${response.status}${by} ${ms}ms`);
    return response;
  };
}

/** `Name: message` of an error and of its cause, one line, capped so a log line stays a line. */
function describeError(error: unknown): string {
  const one = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${typeof e}`);
  const cause = error instanceof Error && error.cause !== undefined ? ` (cause ${one(error.cause)})` : "";
  return `${one(error)}${cause}`.replace(/\s+/g, " ").slice(0, 300);
}

function own(response: Response): Response {
  ownAnswers.add(response);
  return response;
}

function plain(status: number, message: string, headers: Record<string, string>): Response {
  return own(
    new Response(`${message}\n`, {
      status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    }),
  );
}

/** Shaped like Constant Contact's own 429, so Mailroom backs off as it does for the real one. */
function throttled(retryAfterS: number, cors: Record<string, string>): Response {
  const body = {
    error_key: "throttled",
    error_message: `Too many requests through the relay; retry in ${retryAfterS} s.`,
  };
  return own(
    new Response(JSON.stringify(body), {
      status: 429,
      headers: { ...cors, "Content-Type": "application/json", "Retry-After": String(retryAfterS) },
    }),
  );
}
