import type { Generation } from "../db";
import { takeAttempt } from "./attempts";
import { SignInError } from "./errors";
import { completeV2SignIn } from "./v2SignIn";
import { completeV3SignIn } from "./v3SignIn";

export interface SignInResult {
  accountId: string;
  generation: Generation;
  /** Something the user should know although sign-in succeeded (e.g. the token check could not run). */
  notice?: string;
  /** Set when this sign-in was one of a sequence ("Both"): who comes next, on which redirect URI. */
  next?: { generations: Generation[]; redirectUri: string };
}

/**
 * The parameters of a callback URL: v2 (implicit) answers in the fragment, v3 in the query. A URL
 * with `state` in its fragment is a fragment answer.
 */
export function callbackParameters(url: URL): URLSearchParams {
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  return fragment.has("state") || fragment.has("access_token") || fragment.has("error")
    ? fragment
    : url.searchParams;
}

/**
 * Finishes whichever sign-in the callback URL answers. Pure of the DOM: the page and demo mode
 * both call it, and the page cleans the address bar itself before calling.
 */
export async function completeSignIn(url: URL): Promise<SignInResult> {
  const parameters = callbackParameters(url);
  if (!parameters.has("code") && !parameters.has("access_token") && !parameters.has("error")) {
    throw new SignInError("missing_parameters", "This address carries no answer from a sign-in page.");
  }
  const attempt = await takeAttempt(parameters.get("state"));
  // Only a sign-in that succeeded goes on to the next generation: a failure stops the sequence.
  const next = attempt.continueWith?.length
    ? { next: { generations: attempt.continueWith, redirectUri: attempt.redirectUri } }
    : {};
  if (attempt.generation === "v3") {
    await completeV3SignIn(attempt, parameters);
    return { accountId: attempt.accountId, generation: "v3", ...next };
  }
  const { notice } = await completeV2SignIn(attempt, parameters);
  return { accountId: attempt.accountId, generation: "v2", notice, ...next };
}
