import type { SignInErrorKind } from "../../auth/errors";

export interface SignInErrorText {
  /** What happened, in the user's words. */
  title: string;
  /** What to do about it. */
  advice: string;
}

/** Every way a sign-in can fail, said once: what happened and what to do. */
export const SIGN_IN_ERROR_TEXT: Record<SignInErrorKind, SignInErrorText> = {
  missing_parameters: {
    title: "This page did not receive an answer from a sign-in page",
    advice: "Start the sign-in again from Settings.",
  },
  unknown_state: {
    title: "This sign-in answer was not expected",
    advice:
      "It does not belong to a sign-in started on this device, or it was already used (a reload or a forged link). Nothing was changed. Start the sign-in again from Settings.",
  },
  expired_state: {
    title: "This sign-in took too long",
    advice: "A sign-in must finish within 10 minutes of starting it. Start it again from Settings.",
  },
  denied: {
    title: "Access was not granted",
    advice:
      "Constant Contact reports that access was refused on its consent page. To use this account, sign in again and choose Allow.",
  },
  invalid_grant: {
    title: "The sign-in code was refused",
    advice:
      "Codes work once and for 5 minutes, and only with the redirect URI they were issued for. Start the sign-in again from Settings; if it keeps failing, check that the redirect URI in your Constant Contact application matches the one shown in Settings.",
  },
  invalid_client: {
    title: "Constant Contact does not know this application",
    advice:
      "Check the client id (v3) or API key (v2) of this account in Settings against your application at developer.constantcontact.com, and that the application is active.",
  },
  network: {
    title: "The token endpoint could not be reached",
    advice:
      "You may be offline, or the server does not allow requests from this app (CORS). Check your connection; if Constant Contact refuses this site, run Mailroom's relay (README ‘Relay’) and give its address as the Relay URL under Advanced in Settings. Then sign in again.",
  },
  server: {
    title: "The sign-in server reported an error",
    advice: "Try again in a moment from Settings. The server's own words are below.",
  },
  bad_response: {
    title: "The sign-in server's answer was not understood",
    advice:
      "Check the endpoint URLs under Advanced in Settings (a proxy may answer instead of Constant Contact), then sign in again.",
  },
};
