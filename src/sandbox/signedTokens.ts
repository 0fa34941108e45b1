// Tokens that carry their own claims and a mark made with a secret, so that a sandbox given the
// same secret recognizes them without having issued them. The demo needs this: every page load,
// and every tab, runs a new in-page sandbox, which must accept the tokens an earlier one issued
// (browser/demo.ts keeps the secret in IndexedDB with the rest of the demo's world).
//
// The mark is not a cryptographic MAC, and needs not be: the demo's tokens guard made-up data in one
// browser, where the secret sits next to them. It lets the sandbox tell its own tokens from made-up
// or foreign ones, which it still refuses as the real server would. It is synchronous because token
// checks are (the routes' guards).
import { base64url, hashKeys } from "./random";

/** What a marked token says about itself: the application, the scopes, when it dies (epoch s). */
export interface TokenClaims {
  iss: string;
  cid: string;
  scp: string[];
  iat: number;
  exp: number;
  /** Unique per token, so two tokens issued in the same second differ. */
  jti: string;
}

/** `<kind>.<claims>.<mark>`: the JWT shape when `kind` is a JWT header. */
export function markedToken(secret: string, kind: string, claims: TokenClaims): string {
  const body = `${kind}.${encodeJson(claims)}`;
  return `${body}.${markOf(secret, body)}`;
}

/** The claims of a token marked with `secret` as `kind`; undefined for anything else. */
export function readMarkedToken(secret: string, kind: string, token: string): TokenClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== kind || !parts[1]) return undefined;
  if (parts[2] !== markOf(secret, `${parts[0]}.${parts[1]}`)) return undefined;
  const claims = decodeJson(parts[1]);
  return isClaims(claims) ? claims : undefined;
}

/** 128 bits from four differently seeded passes of the sandbox's own hash. */
function markOf(secret: string, body: string): string {
  return [1, 2, 3, 4].map((pass) => hashKeys(pass, secret, body).toString(16).padStart(8, "0")).join("");
}

function encodeJson(value: object): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

/** Only ever called on a part that carries our mark, so it is our own encoding. */
function decodeJson(part: string): unknown {
  const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

function isClaims(value: unknown): value is TokenClaims {
  const c = value as Partial<TokenClaims> | null;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.cid === "string" &&
    Array.isArray(c.scp) &&
    c.scp.every((s) => typeof s === "string") &&
    typeof c.exp === "number" &&
    typeof c.iat === "number"
  );
}
