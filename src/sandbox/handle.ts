// One request through the sandbox: CORS preflight, stats, latency, route, faults, CORS headers.
import { type AllowedOrigins, preflight, withCors } from "./cors";
import { notFoundFor, v3Error } from "./errors";
import { json } from "./http";
import { matchRoute, type Route } from "./router";
import type { SandboxState } from "./state";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handle(
  state: SandboxState,
  routes: Route[],
  allowed: AllowedOrigins,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const origin = request.headers.get("Origin");
  const corsOff = state.faults.current.corsOff;
  state.stats.total += 1;
  if (request.method === "OPTIONS") {
    state.stats.byPath.OPTIONS = (state.stats.byPath.OPTIONS ?? 0) + 1;
    return corsOff ? new Response(null, { status: 403 }) : preflight(request, allowed);
  }
  const match = matchRoute(routes, request.method, url.pathname);
  const key = match && "route" in match ? `${match.route.method} ${match.route.pattern}` : "unmatched";
  state.stats.byPath[key] = (state.stats.byPath[key] ?? 0) + 1;
  const delay = state.config.latencyMs + state.faults.delayMs();
  if (delay > 0) await sleep(delay);
  const generation = /^\/(v2|v3)\//.exec(url.pathname)?.[1] as "v2" | "v3" | undefined;
  let response: Response;
  if (!match) response = notFoundFor(generation);
  else if ("methodNotAllowed" in match) response = json(405, { error: "Method not allowed" });
  else {
    const failure = generation ? state.faults.failureFor(generation) : undefined;
    if (failure && (failure.status === 429 || failure.status === 403)) state.stats.throttled += 1;
    try {
      response = failure ?? (await match.route.handler({ request, url, params: match.params, state }));
    } catch (error) {
      response = v3Error(
        500,
        "server.error",
        `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (generation) {
      const next = url.searchParams.get("next");
      response = await state.faults.mangle(
        response,
        next === null ? undefined : `${url.pathname}?next=${next}`,
      );
    }
  }
  return corsOff ? response : withCors(response, origin, allowed);
}
