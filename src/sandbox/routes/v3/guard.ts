// What every v3 call goes through: a live bearer token (401 otherwise, as one object), the limits
// of the application the token was issued to (429 `throttled` / `quota_exceeded`, one object),
// then the scope the operation needs (403, an array).
import { v3Error, v3SingleError, v3Unauthorized } from "../../errors";
import type { Ctx, Handler } from "../../router";

export type V3Scope = "contact_data" | "campaign_data";

export function v3Api(scope: V3Scope, handler: Handler): Handler {
  return (ctx: Ctx) => {
    const { state, request } = ctx;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "")?.[1];
    const token = bearer ? state.tokens.findAccess(bearer, state.clock.now()) : undefined;
    if (token?.generation !== "v3") return v3Unauthorized();
    if (!state.perSecond.tryAcquire(token.clientId, state.realNow())) {
      state.stats.throttled += 1;
      return v3SingleError(429, "throttled", "Too many requests. You exceeded the request rate limit.");
    }
    if (!state.daily.tryConsume(token.clientId, state.clock.now())) {
      state.stats.throttled += 1;
      return v3SingleError(429, "quota_exceeded", "Daily request quota exceeded. It resets at 00:00 UTC.");
    }
    if (!token.scopes.has(scope)) {
      return v3Error(
        403,
        "forbidden",
        `The access token lacks the ${scope} scope needed for this operation.`,
      );
    }
    return handler(ctx);
  };
}
