import type { TokenEndpointResponse } from "oauth4webapi";
import { clock } from "../core/clock";
import { db, type Generation, type StoredToken } from "../db";

export function readToken(accountId: string, generation: Generation): Promise<StoredToken | undefined> {
  return db().tokens.get([accountId, generation]);
}

export async function saveToken(token: StoredToken): Promise<void> {
  await db().tokens.put(token);
}

/**
 * The row to store for a token endpoint answer. A refresh answer without a refresh token means the
 * app uses long-lived refresh tokens: the one we hold stays valid and is kept.
 */
export function tokenFromResponse(
  accountId: string,
  generation: Generation,
  response: Pick<TokenEndpointResponse, "access_token" | "refresh_token" | "expires_in" | "scope">,
  previousRefreshToken?: string,
  now = clock.now(),
): StoredToken {
  return {
    accountId,
    generation,
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAt: typeof response.expires_in === "number" ? now + response.expires_in * 1000 : undefined,
    scope: response.scope,
    updatedAt: now,
  };
}

/** A refresh failed for good: keep the row (and every cached row) but ask the user to sign in. */
export async function markSignInRequired(
  accountId: string,
  generation: Generation,
  reason: string,
): Promise<void> {
  await db().tokens.update([accountId, generation], { signInRequired: reason, updatedAt: clock.now() });
}

export async function deleteTokens(accountId: string): Promise<void> {
  await db().tokens.bulkDelete([
    [accountId, "v2"],
    [accountId, "v3"],
  ]);
}
