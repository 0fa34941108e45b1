/**
 * A leaf module (imports nothing of ours): every layer may import the error vocabulary.
 *
 * Every failure Mailroom can meet, mapped once into a small set of kinds (one list: ERROR_KINDS). The UI shows each kind
 * with what the user can do (src/ui/errors); sync stores `{ kind, message }` in the dataset's state.
 */
export const ERROR_KINDS = [
  "offline", // the browser has no connection: cached data still works
  "network", // a request failed without an answer while online: CORS, DNS, refused connection
  "not_signed_in", // this API generation was never signed in on this device: sign in (not "again")
  "unauthorized", // 401 that a refresh could not cure, or a refused refresh: sign in again
  "forbidden", // 403: a missing scope, a missing user privilege, or a deactivated app
  "not_found", // 404: gone (retention) or never existed
  "throttled", // 429 throttled / v2 over.qps: too fast, wait and retry
  "quota_exceeded", // 429 quota_exceeded / v2 over.ratelimit: the day's 10,000 are spent
  "server", // 5xx
  "bad_response", // an answer that is not what the API promises (shape, JSON, a next link that does not advance)
  "storage", // IndexedDB refused a write (QuotaExceededError and friends)
  "unexpected", // Mailroom itself failed (a bug, or the browser refused something it did not plan for): not Constant Contact
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(kind: unknown): kind is ErrorKind {
  return typeof kind === "string" && (ERROR_KINDS as readonly string[]).includes(kind);
}

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

/** The user's Cancel (an AbortSignal's reason), not a failure. Dexie's own AbortError is a storage failure. */
export function isAbort(error: unknown): boolean {
  return nameOf(error) === "AbortError" && !isStorageFailure(error);
}

/**
 * The one mapper of anything thrown into a MailroomError: its own errors pass; IndexedDB's refusals
 * become `storage`; everything else (a bug included) is `unexpected`, which says Mailroom failed,
 * not Constant Contact. HTTP answers are mapped where they arrive (src/api/mapError.ts).
 */
export function toMailroomError(error: unknown): MailroomError {
  if (isMailroomError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isStorageFailure(error)) {
    const full = [nameOf(error), nameOf(innerOf(error))].some((name) => name !== undefined && FULL.has(name));
    return new MailroomError(
      "storage",
      full
        ? "This device refused to store more data (storage full or blocked). Free some space or remove a cached campaign, then sync again."
        : `This device's database refused the write: ${message}`,
      { cause: error },
    );
  }
  // The kind says who failed (the notice's title: "Mailroom failed"); the message stays as thrown, for the report.
  return new MailroomError("unexpected", message, { cause: error });
}

/**
 * Around IndexedDB writes: their refusals become `storage`; anything else (a Cancel, an error of
 * the caller's own such as a removed list) passes as it is, for runRecorded to map once.
 */
export function asStorageError(error: unknown): unknown {
  return isStorageFailure(error) ? toMailroomError(error) : error;
}

/** IndexedDB's names for "no room" (or a store it cannot write), bare or wrapped by Dexie. */
const FULL = new Set(["QuotaExceededError", "DataCloneError", "InvalidStateError"]);
const STORAGE = new Set([...FULL, "DatabaseClosedError", "OpenFailedError", "VersionError", "UnknownError"]);

/**
 * IndexedDB's own errors, and every error Dexie raises: Dexie's carry the DOMException they wrap
 * as `inner` (null when there is none) or a bulk write's `failures`, which nothing else does.
 */
function isStorageFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const name = nameOf(error);
  return (
    (name !== undefined && STORAGE.has(name)) ||
    Object.hasOwn(error, "inner") ||
    Object.hasOwn(error, "failures")
  );
}

function innerOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { inner?: unknown }).inner : undefined;
}

function nameOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "name" in error ? String(error.name) : undefined;
}
