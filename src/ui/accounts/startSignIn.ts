import { completeSignIn, type SignInResult } from "../../auth/callback";
import { DEMO_REDIRECT_URI } from "../../auth/presets";
import { beginV2SignIn } from "../../auth/v2SignIn";
import { beginV3SignIn } from "../../auth/v3SignIn";
import { demoFetch, isDemoUrl } from "../../core/demo";
import type { Account, Generation } from "../../db";
import { postToWorker } from "../pwa/workerBridge";

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
  const result = await completeSignIn(new URL(location_, authorizeUrl));
  wakeWorkerForDemo();
  return result;
}

/**
 * A real sign-in comes back through a page load, whose elected tab starts a poll round at once; a
 * demo sign-in stays on the page, and the worker's schedule, set while the account had no jobs, is
 * minutes away. A round now follows the demo's running jobs from the start.
 */
function wakeWorkerForDemo(): void {
  if (!("serviceWorker" in navigator)) return;
  postToWorker({ type: "POLL_NOW", reason: "new-jobs" }).catch((error: unknown) =>
    console.warn("Mailroom: could not wake the service worker", error),
  );
}
