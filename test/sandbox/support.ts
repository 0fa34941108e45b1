// Helpers for the sandbox contract tests: a deterministic sandbox, sign-in shortcuts and requests.
import { makeSandbox, type Sandbox, type SandboxConfig } from "../../src/sandbox/core";
import { V2_API_KEY, V3_CLIENT_ID } from "../../src/sandbox/credentials";

export const ORIGIN = "http://127.0.0.1:4174";
export const APP_ORIGIN = "http://127.0.0.1:5173";
export const REDIRECT_URI = `${APP_ORIGIN}/auth/callback`;
/** A fixed start (a Wednesday, mid-day UTC) so data and dates never depend on the day tests run. */
export const START = Date.UTC(2026, 0, 14, 12, 0, 0);
export const ALL_SCOPES = "contact_data campaign_data offline_access account_read";

/** Frozen time, no per-second limits, CORS for APP_ORIGIN: each test switches on only what it checks. */
export function testSandbox(config: Partial<SandboxConfig> = {}): Sandbox {
  return makeSandbox({
    startTime: START,
    timeScale: 0,
    rateLimit: 0,
    tokenRateLimit: 0,
    allowedOrigins: [APP_ORIGIN],
    ...config,
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function call(sb: Sandbox, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await sb.handle(new Request(`${ORIGIN}${path}`, init));
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

export function authorizeUrl(challenge: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: V3_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: ALL_SCOPES,
    state: "state-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });
  return `/oauth2/default/v1/authorize?${q}`;
}

export function form(values: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: APP_ORIGIN },
    body: new URLSearchParams(values).toString(),
  };
}

/** Authorize (auto-approved) and exchange the code; returns the token response. */
export async function signInV3(sb: Sandbox, scope = ALL_SCOPES) {
  const { verifier, challenge } = await pkcePair();
  const authorized = await call(sb, authorizeUrl(challenge, { scope, sandbox_auto_approve: "1" }));
  const code = new URL(authorized.headers.get("Location") ?? "").searchParams.get("code") ?? "";
  const reply = await call(
    sb,
    "/oauth2/default/v1/token",
    form({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: V3_CLIENT_ID,
      code_verifier: verifier,
    }),
  );
  if (reply.status !== 200) throw new Error(`token exchange failed: ${reply.text}`);
  return reply.body as { access_token: string; refresh_token?: string; expires_in: number; scope: string };
}

export async function signInV2(sb: Sandbox): Promise<string> {
  const q = new URLSearchParams({
    response_type: "token",
    client_id: V2_API_KEY,
    redirect_uri: REDIRECT_URI,
    state: "s",
  });
  const reply = await call(sb, `/oauth2/oauth/siteowner/authorize?${q}&sandbox_auto_approve=1`);
  const fragment = new URLSearchParams(new URL(reply.headers.get("Location") ?? "").hash.slice(1));
  return fragment.get("access_token") ?? "";
}

/** A v3 client bound to one token. */
export function v3(sb: Sandbox, token: string) {
  return (path: string) =>
    call(sb, path, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
}

/** A v2 client: adds api_key (unless the path has one) and the bearer token. */
export function v2(sb: Sandbox, token: string) {
  return (path: string, headers: Record<string, string> = {}) => {
    const withKey = path.includes("api_key=")
      ? path
      : `${path}${path.includes("?") ? "&" : "?"}api_key=${V2_API_KEY}`;
    return call(sb, withKey, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...headers },
    });
  };
}
