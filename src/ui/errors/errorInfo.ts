import { type ErrorKind, isMailroomError } from "../../core/errors";

/** What a screen knows about a failure, whichever way it arrived (thrown, or stored by sync). */
export interface ErrorInfo {
  kind: ErrorKind | "unexpected";
  message: string;
  /** When it happened (epoch ms), if known: sync stores it. */
  at?: number;
  /** For quota_exceeded: when the day's budget resets (epoch ms). */
  resetsAt?: number;
  /** For not_signed_in and unauthorized: the API generation to sign in to, when known. */
  generation?: string;
}

const KINDS: readonly string[] = [
  "offline",
  "network",
  "not_signed_in",
  "unauthorized",
  "forbidden",
  "not_found",
  "throttled",
  "quota_exceeded",
  "server",
  "bad_response",
  "storage",
];

function isKind(kind: unknown): kind is ErrorKind {
  return typeof kind === "string" && KINDS.includes(kind);
}

/**
 * Normalises a thrown MailroomError, a sync state's `lastError {kind, message, at}`, an IndexedDB
 * failure or anything else into one shape.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isMailroomError(error)) {
    const { resetsAt, generation } = error.details;
    return { kind: error.kind, message: error.message, resetsAt, generation };
  }
  if (typeof error === "object" && error !== null && "kind" in error) {
    const stored = error as {
      kind: unknown;
      message?: unknown;
      at?: unknown;
      resetsAt?: unknown;
      generation?: unknown;
    };
    return {
      kind: isKind(stored.kind) ? stored.kind : "unexpected",
      message: typeof stored.message === "string" ? stored.message : String(stored.kind),
      at: typeof stored.at === "number" ? stored.at : undefined,
      resetsAt: typeof stored.resetsAt === "number" ? stored.resetsAt : undefined,
      generation: typeof stored.generation === "string" ? stored.generation : undefined,
    };
  }
  if (error instanceof Error) {
    // Dexie wraps IndexedDB's refusals; their names say the device is out of room.
    const storage = /QuotaExceeded|DatabaseClosed|OpenFailed|InvalidState/.test(error.name);
    return { kind: storage ? "storage" : "unexpected", message: error.message };
  }
  return { kind: "unexpected", message: String(error) };
}
