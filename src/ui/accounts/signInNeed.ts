import type { StoredToken } from "../../db";

/**
 * Where one API generation of an account stands: never signed in on this device (no token row),
 * signed in once and refused since (the row carries `signInRequired`), or signed in.
 */
export type SignInState = "not_signed_in" | "sign_in_required" | "signed_in";

export function signInStateOf(token: StoredToken | undefined): SignInState {
  if (!token) return "not_signed_in";
  return token.signInRequired ? "sign_in_required" : "signed_in";
}

/** What a generation never signed in on this device reads, after its name. */
export const NOT_SIGNED_IN_YET = "not signed in yet";

export interface SignInNeedText {
  /** A heading or a line of its own: "v2: not signed in yet". */
  title: string;
  advice: string;
  /** Inside a sentence or a header: "v2 not signed in". */
  short: string;
}

/**
 * The one place where "not signed in yet" and "sign in again" are told apart in words: Settings,
 * the screen headers and the error notices all read them from here. A generation never signed in
 * is a first step, never "no longer accepts".
 */
export function signInNeedText(
  need: Exclude<SignInState, "signed_in">,
  generation: string | undefined,
): SignInNeedText {
  const which = generation ?? "this API generation";
  if (need === "not_signed_in") {
    return {
      title: `${which}: ${NOT_SIGNED_IN_YET}`,
      advice: `This account has not signed in to ${which} on this device yet. Sign in with ${which} to fetch its data; what the other generation fetched is shown meanwhile.`,
      short: `${which} not signed in`,
    };
  }
  return {
    title: "Sign in again",
    advice:
      "Constant Contact no longer accepts this account's sign-in. Sign in again from Settings; your cached data stays.",
    short: `${which} sign-in required`,
  };
}
