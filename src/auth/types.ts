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

/**
 * Why a sign-in is needed: this generation was never signed in on this device (no token row), or
 * it was and Constant Contact refused it since (the row carries `signInRequired`). The two read
 * differently: "not signed in yet" is a first step, not a failure.
 */
export type SignInNeed = "not_signed_in" | "sign_in_required";

/** The user must sign in (first time) or sign in again (refresh failed, consent revoked). Cached data stays. */
export class AuthRequiredError extends Error {
  override name = "AuthRequiredError";
  constructor(
    message: string,
    readonly accountId: string,
    readonly generation: Generation,
    readonly need: SignInNeed = "sign_in_required",
  ) {
    super(message);
  }
}

/** No token was ever stored for this generation: the one way "never signed in" is raised. */
export function notSignedInError(accountId: string, generation: Generation): AuthRequiredError {
  return new AuthRequiredError(`Not signed in to ${generation} yet.`, accountId, generation, "not_signed_in");
}
