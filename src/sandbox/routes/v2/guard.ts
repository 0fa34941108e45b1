// What every v2 call goes through, in the gateway's order: the API key (Mashery), the limits of
// that key, the Accept header, then the user's bearer token issued to that same key.
import { V2_API_KEY } from "../../credentials";
import { v2Error, v2GatewayError, v2Unauthorized } from "../../errors";
import type { Ctx, Handler } from "../../router";

function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === "") return true;
  return accept.split(",").some((part) => {
    const type = part.split(";")[0]?.trim().toLowerCase();
    return type === "application/json" || type === "*/*" || type === "application/*";
  });
}

/** `servesFile`: the route answers a file (CSV), so the JSON-only Accept check does not apply. */
export function v2Api(handler: Handler, options: { servesFile?: boolean } = {}): Handler {
  return (ctx: Ctx) => {
    const { state, url, request } = ctx;
    const apiKey = url.searchParams.get("api_key");
    if (!apiKey) return v2GatewayError(401, "http.status.unauthorized", "Missing api_key query parameter");
    if (apiKey !== V2_API_KEY)
      return v2GatewayError(401, "http.status.unauthorized", "Developer Inactive: unknown api_key");
    if (!state.perSecond.tryAcquire(apiKey, state.realNow())) {
      state.stats.throttled += 1;
      return v2GatewayError(403, "mashery.not.authorized.over.qps", "Account Over Queries Per Second Limit");
    }
    if (!state.daily.tryConsume(apiKey, state.clock.now())) {
      state.stats.throttled += 1;
      return v2GatewayError(403, "mashery.not.authorized.over.ratelimit", "Account Over Rate Limit");
    }
    if (!options.servesFile && !acceptsJson(request.headers.get("Accept"))) {
      return v2Error(
        406,
        "http.status.not_acceptable",
        "Unsupported accept header value, must be application/json",
      );
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "")?.[1];
    const token = bearer ? state.tokens.findAccess(bearer, state.clock.now()) : undefined;
    if (token?.generation !== "v2" || token.clientId !== apiKey) return v2Unauthorized();
    return handler(ctx);
  };
}

/** A v2 `next` cursor must be used alone: only `api_key` may accompany it. */
export function nextStandsAlone(url: URL): boolean {
  for (const key of url.searchParams.keys()) if (key !== "next" && key !== "api_key") return false;
  return true;
}
