import * as oauth from "oauth4webapi";
import { clock as appClock, type Clock } from "../core/clock";
import { MailroomError } from "../core/errors";
import { platformLocks, refreshLockName, withLock } from "../core/locks";
import { db, type Generation, type StoredToken } from "../db";
import { v3OAuthFor } from "./oauthClient";
import { isAuthTimeout, timeoutNote } from "./timeout";
import { markSignInRequired, readToken, saveToken, tokenFromResponse } from "./tokens";
import { AuthRequiredError, notSignedInError } from "./types";

/** Refresh this long before expiry, so a request never leaves with a token that dies in flight. */
export const REFRESH_MARGIN_MS = 60_000;

export function needsRefresh(token: StoredToken, now = appClock.now()): boolean {
  return token.expiresAt !== undefined && token.expiresAt - now < REFRESH_MARGIN_MS;
}

/**
 * A fresh access token for the account, refreshing it if needed. Exactly one refresh runs at a time
 * for an account and generation, across tabs and the service worker (Web Locks): inside the lock the
 * stored token is read again, so a caller that queued behind another's refresh uses the rotated
 * token instead of spending the (single-use) refresh token a second time.
 *
 * @param rejected the token a server just refused with 401: refresh even if it looks unexpired.
 * @param time the clock that says whether the token is still good (a sync run passes its own).
 */
export function refreshAccessToken(
  accountId: string,
  generation: Generation,
  rejected?: string,
  time: Clock = appClock,
): Promise<string> {
  return withLock(platformLocks(), refreshLockName(accountId, generation), async () => {
    const token = await usableToken(accountId, generation);
    const rotatedByAnother = rejected !== undefined && token.accessToken !== rejected;
    if (rotatedByAnother || (rejected === undefined && !needsRefresh(token, time.now())))
      return token.accessToken;
    return refreshNow(token, time);
  });
}

async function usableToken(accountId: string, generation: Generation): Promise<StoredToken> {
  const token = await readToken(accountId, generation);
  if (!token) throw notSignedInError(accountId, generation);
  if (token.signInRequired) throw new AuthRequiredError(token.signInRequired, accountId, generation);
  return token;
}

async function refreshNow(token: StoredToken, time: Clock): Promise<string> {
  const { accountId, generation } = token;
  if (generation === "v2" || !token.refreshToken) {
    // v2 has no refresh; a v3 sign-in without offline_access got no refresh token.
    const reason =
      generation === "v2"
        ? "Constant Contact no longer accepts this v2 token. Sign in again."
        : "The access token expired and there is no refresh token (was offline_access requested?). Sign in again.";
    await markSignInRequired(accountId, generation, reason);
    throw new AuthRequiredError(reason, accountId, generation);
  }
  const account = await db().accounts.get(accountId);
  if (!account) throw new AuthRequiredError("This account was removed.", accountId, generation);
  const { as, client, clientAuth, options } = await v3OAuthFor(account);
  let response: Response;
  try {
    response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, token.refreshToken, options);
  } catch (error) {
    // Offline, blocked or no answer in time (the timeout ends the request, and with it the lock
    // every tab and the worker wait on): the refresh token is still good, so nothing is marked.
    throw unreachable(account.endpoints.v3Token, error);
  }
  let answer: oauth.TokenEndpointResponse;
  try {
    answer = await oauth.processRefreshTokenResponse(as, client, response);
  } catch (error) {
    if (
      error instanceof oauth.ResponseBodyError &&
      (error.error === "invalid_grant" || error.error === "invalid_client")
    ) {
      const reason = `Constant Contact refused to renew the sign-in (${error.error}). Sign in again; your cached data is kept.`;
      await markSignInRequired(accountId, generation, reason);
      throw new AuthRequiredError(reason, accountId, generation);
    }
    if (isAuthTimeout(error)) throw unreachable(account.endpoints.v3Token, error);
    const status = error instanceof oauth.ResponseBodyError ? error.status : response.status;
    throw new MailroomError(
      status >= 500 ? "server" : "bad_response",
      `Refreshing the sign-in failed: ${(error as Error).message}`,
      {
        status,
        cause: error,
      },
    );
  }
  // Saved before anyone uses it: with rotating refresh tokens the old one is already spent, and a
  // crash between use and save would lose the only valid refresh token.
  const fresh = tokenFromResponse(accountId, generation, answer, token.refreshToken, time.now());
  await saveToken(fresh);
  return fresh.accessToken;
}

function unreachable(tokenUrl: string, error: unknown): MailroomError {
  const kind = globalThis.navigator?.onLine === false ? "offline" : "network";
  return new MailroomError(kind, `Could not reach ${tokenUrl} to refresh the sign-in${timeoutNote(error)}.`, {
    cause: error,
  });
}
