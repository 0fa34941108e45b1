// The sandbox's own application credentials, and the tokens and authorization codes it issued.
import { DEMO_ORIGIN } from "../core/demo";
import { DAY_MS } from "./clock";
import { base64url, randomToken } from "./random";
import { markedToken, readMarkedToken, type TokenClaims } from "./signedTokens";

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
  return url.origin === DEMO_ORIGIN;
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

const JWT_HEADER = base64url(new TextEncoder().encode(JSON.stringify({ alg: "none", typ: "JWT" })));
/** The kinds of marked tokens (signedTokens.ts): what a token was issued as. */
const KIND = { v3: JWT_HEADER, v2: "v2", refresh: "rt" } as const;

/**
 * The tokens and codes this sandbox issued. With a `secret` (the demo), tokens carry their claims
 * and a mark, and any store given the same secret recognizes them: a new page's sandbox accepts
 * what the previous page's issued. Revocation and refresh-token reuse are then tracked per store
 * (per page), which is as much as the demo needs: the app drops revoked tokens and never reuses
 * a refresh token (one refresh at a time, across tabs and worker).
 */
export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshGrant>();
  private readonly revoked = new Set<string>();
  readonly codes = new Map<string, AuthCode>();

  constructor(private readonly secret?: string) {}

  issueCode(grant: Omit<AuthCode, "expiresAt" | "used">, now: number): string {
    const code = randomToken(24);
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Access token (a JWT-shaped string, as the real server issues) and, with offline_access, a refresh token. */
  issueV3(clientId: string, scopes: Set<string>, now: number, lifetimeS: number) {
    const expiresAt = now + lifetimeS * 1000;
    const token = this.secret
      ? markedToken(this.secret, KIND.v3, claims(clientId, scopes, now, expiresAt))
      : unmarkedJwt(clientId, scopes, now, expiresAt);
    this.access.set(token, { token, generation: "v3", clientId, scopes, expiresAt });
    let refreshToken: string | undefined;
    if (scopes.has("offline_access")) {
      const refreshExpiresAt = now + REFRESH_LIFETIME_MS;
      refreshToken = this.secret
        ? markedToken(this.secret, KIND.refresh, claims(clientId, scopes, now, refreshExpiresAt))
        : randomToken(32);
      this.refresh.set(refreshToken, { clientId, scopes, expiresAt: refreshExpiresAt, used: false });
    }
    return { accessToken: token, refreshToken, expiresIn: lifetimeS };
  }

  issueV2(apiKey: string, now: number): string {
    const expiresAt = now + V2_TOKEN_LIFETIME_S * 1000;
    const token = this.secret
      ? markedToken(this.secret, KIND.v2, claims(apiKey, new Set(), now, expiresAt))
      : crypto.randomUUID();
    this.access.set(token, { token, generation: "v2", clientId: apiKey, scopes: new Set(), expiresAt });
    return token;
  }

  /** The live access token, or undefined when unknown, revoked or expired. */
  findAccess(token: string, now: number): AccessToken | undefined {
    const found = this.access.get(token) ?? this.recognizedAccess(token);
    return found && found.expiresAt > now ? found : undefined;
  }

  /** Consumes a refresh token (rotation); undefined when unknown, used before, expired or another client's. */
  useRefresh(token: string, clientId: string, now: number): RefreshGrant | undefined {
    const grant = this.refresh.get(token) ?? this.recognizedRefresh(token);
    if (!grant || grant.used || grant.expiresAt <= now || grant.clientId !== clientId) return undefined;
    grant.used = true;
    return grant;
  }

  /** A marked access token another store issued, remembered from now on (so expiry faults reach it). */
  private recognizedAccess(token: string): AccessToken | undefined {
    if (!this.secret || this.revoked.has(token)) return undefined;
    for (const generation of ["v3", "v2"] as const) {
      const found = readMarkedToken(this.secret, KIND[generation], token);
      if (!found) continue;
      const access = {
        token,
        generation,
        clientId: found.cid,
        scopes: new Set(found.scp),
        expiresAt: found.exp * 1000,
      };
      this.access.set(token, access);
      return access;
    }
    return undefined;
  }

  private recognizedRefresh(token: string): RefreshGrant | undefined {
    if (!this.secret || this.revoked.has(token)) return undefined;
    const found = readMarkedToken(this.secret, KIND.refresh, token);
    if (!found) return undefined;
    const grant = {
      clientId: found.cid,
      scopes: new Set(found.scp),
      expiresAt: found.exp * 1000,
      used: false,
    };
    this.refresh.set(token, grant);
    return grant;
  }

  revoke(token: string): void {
    this.revoked.add(token);
    this.access.delete(token);
    this.refresh.delete(token);
  }

  /** The "expired tokens mid-run" fault: every access token issued so far stops working now. */
  expireAllAccess(now: number): void {
    for (const token of this.access.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }
}

function claims(clientId: string, scopes: Set<string>, now: number, expiresAt: number): TokenClaims {
  return {
    iss: "sandbox",
    cid: clientId,
    scp: [...scopes],
    iat: Math.floor(now / 1000),
    exp: Math.floor(expiresAt / 1000),
    jti: randomToken(9),
  };
}

/** Without a secret, the signature part is only randomness: the token is known by this store alone. */
function unmarkedJwt(clientId: string, scopes: Set<string>, now: number, expiresAt: number): string {
  const { jti: _unused, ...payload } = claims(clientId, scopes, now, expiresAt);
  const part = (o: object) => base64url(new TextEncoder().encode(JSON.stringify(o)));
  return `${JWT_HEADER}.${part(payload)}.${randomToken(16)}`;
}
