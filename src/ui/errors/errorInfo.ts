import { type ErrorKind, isErrorKind, isMailroomError, toMailroomError } from "../../core/errors";

/** What a screen knows about a failure, whichever way it arrived (thrown, or stored by sync). */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  /** When it happened (epoch ms), if known: sync stores it. */
  at?: number;
  /** For quota_exceeded: when the day's budget resets (epoch ms). */
  resetsAt?: number;
  /** For not_signed_in and unauthorized: the API generation to sign in to, when known. */
  generation?: string;
}

/**
 * Normalises a thrown MailroomError, a sync state's `lastError {kind, message, at}`, an IndexedDB
 * failure or anything else into one shape (thrown errors through core's one mapper).
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === "object" && error !== null && "kind" in error && !isMailroomError(error)) {
    const stored = error as {
      kind: unknown;
      message?: unknown;
      at?: unknown;
      resetsAt?: unknown;
      generation?: unknown;
    };
    return {
      // A kind this Mailroom does not know (stored by another version) is still shown, as its own failure.
      kind: isErrorKind(stored.kind) ? stored.kind : "unexpected",
      message: typeof stored.message === "string" ? stored.message : String(stored.kind),
      at: typeof stored.at === "number" ? stored.at : undefined,
      resetsAt: typeof stored.resetsAt === "number" ? stored.resetsAt : undefined,
      generation: typeof stored.generation === "string" ? stored.generation : undefined,
    };
  }
  const mapped = toMailroomError(error);
  const { resetsAt, generation } = mapped.details;
  return { kind: mapped.kind, message: mapped.message, resetsAt, generation };
}
