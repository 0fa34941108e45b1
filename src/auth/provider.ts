import { clock as appClock, type Clock } from "../core/clock";
import type { Generation } from "../db";
import { needsRefresh, refreshAccessToken } from "./refresh";
import { readToken } from "./tokens";
import { type AuthProvider, AuthRequiredError, notSignedInError } from "./types";

/**
 * Tokens for one account and API generation, read from IndexedDB on every call so that a token
 * rotated by another tab or the service worker is seen at once. Works in the service worker.
 * `time` says when a token is due for refresh: a sync run passes its own clock.
 */
export function authProviderFor(
  accountId: string,
  generation: Generation,
  time: Clock = appClock,
): AuthProvider {
  return {
    generation,
    async accessToken() {
      const token = await readToken(accountId, generation);
      if (!token) throw notSignedInError(accountId, generation);
      if (token.signInRequired) throw new AuthRequiredError(token.signInRequired, accountId, generation);
      if (!needsRefresh(token, time.now())) return token.accessToken;
      return refreshAccessToken(accountId, generation, undefined, time);
    },
    refreshAfterUnauthorized(rejected: string) {
      return refreshAccessToken(accountId, generation, rejected, time);
    },
  };
}
