import * as oauth from "oauth4webapi";
import type { Account } from "../db";
import { fetchFor, isLoopbackHttp, retryingOn429 } from "./http";
import { authRequestSignal } from "./timeout";

/** What oauth4webapi needs to talk to one account's v3 authorization server. */
export interface V3OAuth {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  /** A public client: PKCE replaces the secret a browser cannot keep. */
  clientAuth: oauth.ClientAuth;
  /** Custom fetch (demo mode), plain http for the loopback sandbox, a timeout for each request. */
  options: {
    [oauth.customFetch]: typeof fetch;
    [oauth.allowInsecureRequests]: boolean;
    signal: () => AbortSignal;
  };
}

export async function v3OAuthFor(account: Account): Promise<V3OAuth> {
  if (!account.v3ClientId) throw new Error(`The account "${account.label}" has no v3 client id.`);
  const { v3Authorize, v3Token, v3Revoke } = account.endpoints;
  // No discovery: Constant Contact's endpoints are configured (and overridable for a CORS proxy).
  const as: oauth.AuthorizationServer = {
    issuer: issuerOf(v3Token),
    authorization_endpoint: v3Authorize,
    token_endpoint: v3Token,
    revocation_endpoint: v3Revoke || undefined,
  };
  const insecure = [v3Authorize, v3Token, v3Revoke].some(isLoopbackHttp);
  return {
    as,
    client: { client_id: account.v3ClientId },
    clientAuth: oauth.None(),
    options: {
      [oauth.customFetch]: retryingOn429(await fetchFor(v3Token)),
      [oauth.allowInsecureRequests]: insecure,
      signal: () => authRequestSignal(),
    },
  };
}

/**
 * Constant Contact's authorization server is an Okta one, whose issuer is the path before
 * `/v1/token` (`https://authz.constantcontact.com/oauth2/default`). It is checked against an
 * authorization response's `iss` (RFC 9207) when one comes, and an ID token's (scope `openid`).
 */
export function issuerOf(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  return url.origin + url.pathname.replace(/\/v1\/token$/, "");
}
