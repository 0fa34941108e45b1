import { type Account, db, type Generation } from "../db";
import type { SignInResult } from "./callback";
import { SignInError } from "./errors";
import { beginV2SignIn } from "./v2SignIn";
import { beginV3SignIn } from "./v3SignIn";

/**
 * Starts signing in to `generations` one after the other ("Both": v3, then v2) and returns the
 * first one's authorize URL. Its attempt remembers the rest, so the callback that completes it
 * goes on to the next (completeSignIn returns them as `next`) without the user asking again.
 */
export async function beginSignIn(
  account: Account,
  generations: readonly Generation[],
  redirectUri: string,
): Promise<string> {
  const [first, ...rest] = generations;
  if (!first) throw new Error(`The account "${account.label}" has no API generation to sign in to.`);
  const url =
    first === "v3" ? await beginV3SignIn(account, redirectUri) : await beginV2SignIn(account, redirectUri);
  if (rest.length > 0) {
    const state = new URL(url).searchParams.get("state");
    if (!state) throw new Error(`The ${first} authorize URL carries no state.`);
    await db().authAttempts.update(state, { continueWith: rest });
  }
  return url;
}

/**
 * After a callback: the authorize URL of the next generation of its sequence, on the redirect URI
 * the finished one used; undefined when that one was the last.
 */
export async function beginNextSignIn(result: SignInResult): Promise<string | undefined> {
  if (!result.next) return undefined;
  const account = await db().accounts.get(result.accountId);
  if (!account) throw new SignInError("unknown_state", "The account this sign-in was for no longer exists.");
  return beginSignIn(account, result.next.generations, result.next.redirectUri);
}
