// The token endpoint (authorization_code with PKCE, refresh_token with rotation), revocation and
// v2's tokeninfo.htm. Form-encoded, no client secret (a public browser client), about one request
// per second.
import { V2_API_KEY, V3_CLIENT_ID } from "../../credentials";
import { oauthError } from "../../errors";
import { formBody, json } from "../../http";
import { base64url } from "../../random";
import type { Ctx } from "../../router";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function tokenResponse(
  issued: { accessToken: string; refreshToken?: string; expiresIn: number },
  scopes: Set<string>,
) {
  return json(
    200,
    {
      token_type: "Bearer",
      expires_in: issued.expiresIn,
      access_token: issued.accessToken,
      scope: [...scopes].join(" "),
      ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
    },
    { "Cache-Control": "no-store", Pragma: "no-cache" },
  );
}

export async function token(ctx: Ctx): Promise<Response> {
  const { state } = ctx;
  const form = await formBody(ctx.request);
  if (!form) return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
  const clientId = form.get("client_id") ?? "";
  if (!state.tokenEndpoint.tryAcquire(clientId, state.realNow())) {
    state.stats.throttled += 1;
    return json(429, {
      errorCode: "E0000047",
      errorSummary: "API call exceeded rate limit due to too many requests.",
      errorLink: "E0000047",
      errorCauses: [],
    });
  }
  if (clientId !== V3_CLIENT_ID) return oauthError(401, "invalid_client", "Unknown client_id.");
  const now = state.clock.now();
  const lifetime = state.config.accessTokenLifetimeS;
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") {
    const code = form.get("code") ?? "";
    const verifier = form.get("code_verifier") ?? "";
    const redirectUri = form.get("redirect_uri") ?? "";
    if (!code || !redirectUri)
      return oauthError(400, "invalid_request", "code and redirect_uri are required.");
    if (!VERIFIER.test(verifier))
      return oauthError(400, "invalid_request", "code_verifier is missing or malformed.");
    const grant = state.tokens.codes.get(code);
    if (!grant || grant.used || grant.expiresAt <= now || grant.clientId !== clientId) {
      return oauthError(400, "invalid_grant", "The authorization code is invalid, used or expired.");
    }
    if (grant.redirectUri !== redirectUri) {
      return oauthError(
        400,
        "invalid_grant",
        "redirect_uri does not match the one of the authorize request.",
      );
    }
    if ((await s256(verifier)) !== grant.codeChallenge) {
      return oauthError(
        400,
        "invalid_grant",
        "PKCE verification failed: code_verifier does not match code_challenge.",
      );
    }
    grant.used = true;
    return tokenResponse(state.tokens.issueV3(clientId, grant.scopes, now, lifetime), grant.scopes);
  }
  if (grantType === "refresh_token") {
    const refresh = state.tokens.useRefresh(form.get("refresh_token") ?? "", clientId, now);
    if (!refresh)
      return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or was already used.");
    return tokenResponse(state.tokens.issueV3(clientId, refresh.scopes, now, lifetime), refresh.scopes);
  }
  return oauthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
}

export async function revoke(ctx: Ctx): Promise<Response> {
  const form = await formBody(ctx.request);
  if (!form) return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
  if (form.get("client_id") !== V3_CLIENT_ID) return oauthError(401, "invalid_client", "Unknown client_id.");
  const value = form.get("token");
  if (!value) return oauthError(400, "invalid_request", "token is required.");
  ctx.state.tokens.revoke(value);
  return new Response(null, { status: 200 });
}

/** v2: POST /oauth2/tokeninfo.htm with `access_token`; expires_in comes as a string. */
export async function tokenInfo(ctx: Ctx): Promise<Response> {
  const form = await formBody(ctx.request);
  const now = ctx.state.clock.now();
  const found = ctx.state.tokens.findAccess(form?.get("access_token") ?? "", now);
  if (found?.generation !== "v2") return oauthError(400, "invalid_token", "The access token is invalid.");
  return json(200, {
    client_id: V2_API_KEY,
    user_name: "sandbox_user",
    expires_in: String(Math.floor((found.expiresAt - now) / 1000)),
  });
}
