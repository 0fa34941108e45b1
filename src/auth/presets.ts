import { DEMO_ORIGIN } from "../core/demo";
import type { Endpoints } from "../db";

/** Constant Contact's own endpoints (see the API reference): what a real account uses. */
export const CONSTANT_CONTACT_ENDPOINTS: Endpoints = {
  v3Api: "https://api.cc.email",
  v3Authorize: "https://authz.constantcontact.com/oauth2/default/v1/authorize",
  v3Token: "https://authz.constantcontact.com/oauth2/default/v1/token",
  v3Revoke: "https://authz.constantcontact.com/oauth2/default/v1/revoke",
  v2Api: "https://api.constantcontact.com",
  v2Authorize: "https://oauth2.constantcontact.com/oauth2/oauth/siteowner/authorize",
  v2TokenInfo: "https://oauth2.constantcontact.com/oauth2/tokeninfo.htm",
};

/** Requested unless the user asks otherwise: activities, reports, and a refresh token. */
export const DEFAULT_SCOPES = "contact_data campaign_data offline_access";

/** The sandbox's published credentials (src/sandbox/README.md). */
export const SANDBOX_V3_CLIENT_ID = "mailroom-sandbox-client";
export const SANDBOX_V2_API_KEY = "mailroom-sandbox-v2-key";

/**
 * Demo sign-ins never leave the page, so their redirect URI is only a string that must match
 * between the authorize and token requests; the demo origin's is accepted by the in-page sandbox
 * wherever Mailroom is deployed.
 */
export const DEMO_REDIRECT_URI = `${DEMO_ORIGIN}/auth/callback`;

/** Where the sandbox server listens when /runtime-config.json cannot tell. */
export const FALLBACK_SANDBOX_ORIGIN = "http://127.0.0.1:4174";

/** The real endpoints' paths on another origin: the sandbox and the demo mimic Constant Contact's paths. */
export function endpointsOn(origin: string): Endpoints {
  const base = origin.replace(/\/+$/, "");
  const pathOf = (url: string) => new URL(url).pathname;
  const real = CONSTANT_CONTACT_ENDPOINTS;
  return {
    v3Api: base,
    v3Authorize: base + pathOf(real.v3Authorize),
    v3Token: base + pathOf(real.v3Token),
    v3Revoke: base + pathOf(real.v3Revoke),
    v2Api: base,
    v2Authorize: base + pathOf(real.v2Authorize),
    v2TokenInfo: base + pathOf(real.v2TokenInfo),
  };
}

/**
 * The sandbox server's origin, from the app's `runtime-config.json` (one build serves a sandbox on
 * any port), at `configUrl` (under the build's base path). Throws with a clear message when the
 * file is missing or malformed.
 */
export async function loadSandboxOrigin(
  fetchImpl: typeof fetch = fetch,
  configUrl = "/runtime-config.json",
): Promise<string> {
  const response = await fetchImpl(configUrl, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(
      `This deployment does not say where its sandbox runs (${configUrl} answered ${response.status}).`,
    );
  }
  const config: unknown = await response.json();
  const origin = (config as { sandboxOrigin?: unknown } | null)?.sandboxOrigin;
  if (typeof origin !== "string" || !URL.canParse(origin)) {
    throw new Error("/runtime-config.json has no valid sandboxOrigin.");
  }
  return new URL(origin).origin;
}
