import type { Generation } from "../db";

/**
 * What the API clients need from sign-in, for one account and one API generation. Implemented by
 * `authProviderFor` in ./provider.ts; tests may pass their own.
 */
export interface AuthProvider {
  generation: Generation;
  /** A usable access token, refreshed first if it is about to expire. Throws AuthRequiredError. */
  accessToken(): Promise<string>;
  /**
   * The server rejected `rejected` with 401: refresh once (one refresh across tabs and worker)
   * and return the new token, or throw AuthRequiredError when the user must sign in again.
   */
  refreshAfterUnauthorized(rejected: string): Promise<string>;
}

/** The user must sign in again (no token, refresh failed, consent revoked). Cached data stays. */
export class AuthRequiredError extends Error {
  override name = "AuthRequiredError";
  constructor(
    message: string,
    readonly accountId: string,
    readonly generation: Generation,
  ) {
    super(message);
  }
}
