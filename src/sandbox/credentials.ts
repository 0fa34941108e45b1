// The sandbox's own application credentials, and the tokens and authorization codes it issued.
import { DAY_MS } from "./clock";
import { base64url, randomToken } from "./random";

/** The v3 application (client id) registered with the sandbox. */
export const V3_CLIENT_ID = "mailroom-sandbox-client";
/** The v2 application's API key (also the v2 OAuth client id). */
export const V2_API_KEY = "mailroom-sandbox-v2-key";

export const V3_SCOPES = [
  "contact_data",
  "campaign_data",
  "offline_access",
  "account_read",
  "account_update",
  "openid",
  "profile",
];

/** v2 tokens lived about ten years. */
export const V2_TOKEN_LIFETIME_S = 315_359_999;
const REFRESH_LIFETIME_MS = 180 * DAY_MS;
const CODE_LIFETIME_MS = 5 * 60_000;

/** Loopback on any port (RFC 8252) and the demo origin; never a fragment. */
export function isAllowedRedirectUri(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.hash) return false;
  if (url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost")) return true;
  return url.protocol === "https:" && url.hostname === "demo.mailroom.invalid";
}

export interface AccessToken {
  token: string;
  generation: "v2" | "v3";
  /** The application the token was issued to: v3 client id or v2 API key (the rate-limit key). */
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
  /** Rotation: a refresh token works once; the replacement is the only valid one. */
  used: boolean;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scopes: Set<string>;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
}

export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshGrant>();
  readonly codes = new Map<string, AuthCode>();

  issueCode(grant: Omit<AuthCode, "expiresAt" | "used">, now: number): string {
    const code = randomToken(24);
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Access token (a JWT-shaped string, as the real server issues) and, with offline_access, a refresh token. */
  issueV3(clientId: string, scopes: Set<string>, now: number, lifetimeS: number) {
    const expiresAt = now + lifetimeS * 1000;
    const payload = {
      iss: "sandbox",
      cid: clientId,
      scp: [...scopes],
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
    };
    const part = (o: object) => base64url(new TextEncoder().encode(JSON.stringify(o)));
    const token = `${part({ alg: "none", typ: "JWT" })}.${part(payload)}.${randomToken(16)}`;
    this.access.set(token, { token, generation: "v3", clientId, scopes, expiresAt });
    let refreshToken: string | undefined;
    if (scopes.has("offline_access")) {
      refreshToken = randomToken(32);
      this.refresh.set(refreshToken, { clientId, scopes, expiresAt: now + REFRESH_LIFETIME_MS, used: false });
    }
    return { accessToken: token, refreshToken, expiresIn: lifetimeS };
  }

  issueV2(apiKey: string, now: number): string {
    const token = crypto.randomUUID();
    this.access.set(token, {
      token,
      generation: "v2",
      clientId: apiKey,
      scopes: new Set(),
      expiresAt: now + V2_TOKEN_LIFETIME_S * 1000,
    });
    return token;
  }

  /** The live access token, or undefined when unknown, revoked or expired. */
  findAccess(token: string, now: number): AccessToken | undefined {
    const found = this.access.get(token);
    return found && found.expiresAt > now ? found : undefined;
  }

  /** Consumes a refresh token (rotation); undefined when unknown, used before, expired or another client's. */
  useRefresh(token: string, clientId: string, now: number): RefreshGrant | undefined {
    const grant = this.refresh.get(token);
    if (!grant || grant.used || grant.expiresAt <= now || grant.clientId !== clientId) return undefined;
    grant.used = true;
    return grant;
  }

  revoke(token: string): void {
    this.access.delete(token);
    this.refresh.delete(token);
  }

  /** The "expired tokens mid-run" fault: every access token issued so far stops working now. */
  expireAllAccess(now: number): void {
    for (const token of this.access.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }
}
