import { generateRandomCodeVerifier, generateRandomState } from "oauth4webapi";
import { clock } from "../core/clock";
import { type AuthAttempt, db, type Generation } from "../db";
import { SignInError } from "./errors";

/** An attempt lives as long as a user may reasonably take on the consent page. */
export const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Stores a new attempt: its `state` (both generations) and, for v3, the PKCE `code_verifier`. In
 * IndexedDB, never localStorage: the verifier is a secret and the callback may open in another tab.
 */
export async function addAttempt(
  accountId: string,
  generation: Generation,
  redirectUri: string,
  now = clock.now(),
): Promise<AuthAttempt> {
  const attempt: AuthAttempt = {
    state: generateRandomState(),
    accountId,
    generation,
    codeVerifier: generation === "v3" ? generateRandomCodeVerifier() : undefined,
    redirectUri,
    createdAt: now,
  };
  await db().transaction("rw", db().authAttempts, async () => {
    await deleteExpiredAttempts(now);
    await db().authAttempts.put(attempt);
  });
  return attempt;
}

function deleteExpiredAttempts(now: number): Promise<number> {
  return db()
    .authAttempts.where("createdAt")
    .below(now - ATTEMPT_LIFETIME_MS)
    .delete();
}

/**
 * Deletes the attempts too old to finish, each holding a PKCE verifier: at start-up, so that
 * secrets of sign-ins left unused do not wait on the device for the next sign-in. Returns how many.
 */
export function purgeExpiredAttempts(now = clock.now()): Promise<number> {
  return db().transaction("rw", db().authAttempts, () => deleteExpiredAttempts(now));
}

/**
 * Takes the attempt a callback's `state` names, and deletes it: a state is good for one callback,
 * so a replayed callback finds nothing.
 */
export async function takeAttempt(state: string | null, now = clock.now()): Promise<AuthAttempt> {
  if (!state) throw new SignInError("missing_parameters", "The answer from the sign-in page has no state.");
  const attempt = await db().transaction("rw", db().authAttempts, async () => {
    const found = await db().authAttempts.get(state);
    if (found) await db().authAttempts.delete(state);
    return found;
  });
  if (!attempt) {
    throw new SignInError(
      "unknown_state",
      "This sign-in answer does not match any sign-in started on this device.",
    );
  }
  if (now - attempt.createdAt > ATTEMPT_LIFETIME_MS) {
    throw new SignInError("expired_state", "This sign-in was started more than 10 minutes ago.");
  }
  return attempt;
}
