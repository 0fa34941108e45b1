import type { Generation } from "../db";
import { needsRefresh, refreshAccessToken } from "./refresh";
import { readToken } from "./tokens";
import { type AuthProvider, AuthRequiredError } from "./types";

/**
 * Tokens for one account and API generation, read from IndexedDB on every call so that a token
 * rotated by another tab or the service worker is seen at once. Works in the service worker.
 */
export function authProviderFor(accountId: string, generation: Generation): AuthProvider {
  return {
    generation,
    async accessToken() {
      const token = await readToken(accountId, generation);
      if (!token) throw new AuthRequiredError("Not signed in.", accountId, generation);
      if (token.signInRequired) throw new AuthRequiredError(token.signInRequired, accountId, generation);
      if (!needsRefresh(token)) return token.accessToken;
      return refreshAccessToken(accountId, generation);
    },
    refreshAfterUnauthorized(rejected: string) {
      return refreshAccessToken(accountId, generation, rejected);
    },
  };
}
