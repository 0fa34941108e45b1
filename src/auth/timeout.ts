import { clock } from "../core/clock";

/**
 * How long a token, refresh or revoke request may take. A server that never answers would
 * otherwise hold the cross-tab refresh lock (every tab and the worker stall for that account) or
 * leave "Sign out and erase" pending forever.
 */
export const AUTH_REQUEST_TIMEOUT_MS = 15_000;

/**
 * A signal that aborts `ms` from now on the app's clock (tests set a clock whose sleep they end
 * themselves, so no test waits 15 s). oauth4webapi takes it per request, body included.
 */
export function authRequestSignal(ms = AUTH_REQUEST_TIMEOUT_MS): AbortSignal {
  const controller = new AbortController();
  void clock.sleep(ms).then(() => {
    controller.abort(new DOMException(`No answer within ${ms / 1000} s.`, "TimeoutError"));
  });
  return controller.signal;
}

/** Whether a failure is the timeout above (fetch rejects with the signal's reason). */
export function isAuthTimeout(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === "TimeoutError") return true;
  }
  return false;
}

/** " (no answer within 15 s)" for a timeout, "" for any other failure: for the messages shown. */
export function timeoutNote(error: unknown): string {
  return isAuthTimeout(error) ? ` (no answer within ${AUTH_REQUEST_TIMEOUT_MS / 1000} s)` : "";
}
