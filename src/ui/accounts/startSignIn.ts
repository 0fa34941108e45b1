import { completeSignIn, type SignInResult } from "../../auth/callback";
import { DEMO_REDIRECT_URI } from "../../auth/presets";
import { beginNextSignIn, beginSignIn } from "../../auth/signInSequence";
import { demoFetch, isDemoUrl } from "../../core/demo";
import type { Account, Generation } from "../../db";
import { appPath } from "../appBase";

/**
 * The one redirect URI of this deployment, `<origin><base>auth/callback`: inside the app's scope,
 * so an installed PWA handles it.
 */
export function redirectUri(): string {
  return location.origin + appPath("auth/callback");
}

/** How the page leaves for a sign-in page; tests pass their own. */
export type Navigate = (url: string) => void;
const leavePage: Navigate = (url) => location.assign(url);

/**
 * Sends the user to the sign-in page of the account's server, for one generation or several in a
 * row (["v3", "v2"]: v3's callback starts v2's at once). Demo-mode accounts never leave the page:
 * the consent "page" of the in-page sandbox approves at once, and its redirect is fed to the same
 * callback handling as a real one, so the token never appears in the address bar.
 * Resolves with the last result in demo mode; otherwise the page is navigating away.
 */
export async function startSignIn(
  account: Account,
  generations: Generation | readonly Generation[],
  go: Navigate = leavePage,
): Promise<SignInResult | undefined> {
  const sequence = typeof generations === "string" ? [generations] : generations;
  const authorize = sequence[0] === "v2" ? account.endpoints.v2Authorize : account.endpoints.v3Authorize;
  const callback = isDemoUrl(authorize) ? DEMO_REDIRECT_URI : redirectUri();
  return follow(await beginSignIn(account, sequence, callback), go);
}

/**
 * The callback page's work: finishes the sign-in the address answers, then starts the next
 * generation's when it was one of a sequence. `continuing` says the page is leaving for it.
 */
export async function finishSignIn(
  url: URL,
  go: Navigate = leavePage,
): Promise<{ result: SignInResult; continuing: boolean }> {
  const result = await completeSignIn(url);
  const next = await beginNextSignIn(result);
  if (!next) return { result, continuing: false };
  const last = await follow(next, go);
  return last ? { result: last, continuing: false } : { result, continuing: true };
}

/** Leaves for an authorize URL, or in demo mode answers it in the page and goes on to the next. */
async function follow(authorizeUrl: string, go: Navigate): Promise<SignInResult | undefined> {
  if (!isDemoUrl(authorizeUrl)) {
    go(authorizeUrl);
    return undefined;
  }
  const answer = await demoFetch(authorizeUrl, { redirect: "manual" });
  const location_ = answer.headers.get("Location");
  if (!location_) throw new Error(`The demo sign-in page answered ${answer.status} without a redirect.`);
  const result = await completeSignIn(new URL(location_, authorizeUrl));
  const next = await beginNextSignIn(result);
  if (!next) return result;
  const last = await follow(next, go);
  const notice = [result.notice, last?.notice].filter(Boolean).join(" ") || undefined;
  return last && { ...last, notice };
}
