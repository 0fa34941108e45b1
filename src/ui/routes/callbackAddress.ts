import { appPath } from "../appBase";

let captured: URL | undefined;

/**
 * Takes the sign-in answer (`?code&state`, or v2's `#access_token…`) out of the address bar and the
 * history entry. main.tsx calls it before the app renders anything, so no screen, extension or
 * error report ever sees the code in the address; the callback page then reads what was captured.
 */
export function clearCallbackFromAddress(): void {
  const here = new URL(window.location.href);
  if (here.pathname !== appPath("auth/callback") || (here.search === "" && here.hash === "")) return;
  captured = here;
  window.history.replaceState(null, "", here.pathname);
}

/** The address the sign-in page sent the user back to, once; undefined when none was captured. */
export function takeCallbackAddress(): URL | undefined {
  const address = captured;
  captured = undefined;
  return address;
}
