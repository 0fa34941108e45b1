import { completeSignIn, type SignInResult } from "../../auth/callback";
import { DEMO_REDIRECT_URI } from "../../auth/presets";
import { beginV2SignIn } from "../../auth/v2SignIn";
import { beginV3SignIn } from "../../auth/v3SignIn";
import { demoFetch, isDemoUrl } from "../../core/demo";
import type { Account, Generation } from "../../db";

/** The one redirect URI of this deployment: inside the app's scope, so an installed PWA handles it. */
export function redirectUri(): string {
  return `${location.origin}/auth/callback`;
}

/**
 * Sends the user to the sign-in page of the account's server. Demo-mode accounts never leave the
 * page: the consent "page" of the in-page sandbox approves at once, and its redirect is fed to the
 * same callback handling as a real one, so the token never appears in the address bar.
 * Resolves with the result in demo mode; otherwise the page is navigating away.
 */
export async function startSignIn(
  account: Account,
  generation: Generation,
): Promise<SignInResult | undefined> {
  const authorize = generation === "v3" ? account.endpoints.v3Authorize : account.endpoints.v2Authorize;
  const callback = isDemoUrl(authorize) ? DEMO_REDIRECT_URI : redirectUri();
  const authorizeUrl =
    generation === "v3" ? await beginV3SignIn(account, callback) : await beginV2SignIn(account, callback);
  if (!isDemoUrl(authorizeUrl)) {
    location.assign(authorizeUrl);
    return undefined;
  }
  const answer = await demoFetch(authorizeUrl, { redirect: "manual" });
  const location_ = answer.headers.get("Location");
  if (!location_) throw new Error(`The demo sign-in page answered ${answer.status} without a redirect.`);
  return completeSignIn(new URL(location_, authorizeUrl));
}
