/**
 * A leaf module (imports nothing of ours): every layer may import the error vocabulary.
 *
 * Every failure Mailroom can meet, mapped once into a small set of kinds. The UI shows each kind
 * with what the user can do (src/ui/errors); sync stores `{ kind, message }` in the dataset's state.
 */
export type ErrorKind =
  | "offline" // the browser has no connection: cached data still works
  | "network" // a request failed without an answer while online: CORS, DNS, refused connection
  | "not_signed_in" // this API generation was never signed in on this device: sign in (not "again")
  | "unauthorized" // 401 that a refresh could not cure, or a refused refresh: sign in again
  | "forbidden" // 403: a missing scope, a missing user privilege, or a deactivated app
  | "not_found" // 404: gone (retention) or never existed
  | "throttled" // 429 throttled / v2 over.qps: too fast, wait and retry
  | "quota_exceeded" // 429 quota_exceeded / v2 over.ratelimit: the day's 10,000 are spent
  | "server" // 5xx
  | "bad_response" // an answer that is not what the API promises (shape, JSON, a next link that does not advance)
  | "storage"; // IndexedDB refused a write (QuotaExceededError and friends)

export class MailroomError extends Error {
  override name = "MailroomError";
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** The server's own error key, e.g. `throttled`, `mashery.not.authorized.over.qps`. */
      errorKey?: string;
      /** For quota_exceeded: epoch ms when the budget resets (00:00 UTC). */
      resetsAt?: number;
      /**
       * For bad_response: the body did not even parse, as when a connection drops mid-answer; worth
       * trying again, unlike a well-formed answer of the wrong shape, which would come back the same.
       */
      cutShort?: boolean;
      /** For not_signed_in and unauthorized: the API generation that needs a sign-in. */
      generation?: "v2" | "v3";
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

export function isMailroomError(error: unknown): error is MailroomError {
  return error instanceof MailroomError;
}
