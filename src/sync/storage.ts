import { MailroomError } from "../core/errors";

/**
 * IndexedDB refusals (the disk is full, the origin's quota is spent) become one `storage` error.
 * Dexie wraps the DOMException; its name (or its inner error's) says which it was.
 */
export function asStorageError(error: unknown): unknown {
  if (error instanceof MailroomError) return error;
  const names = [nameOf(error), nameOf((error as { inner?: unknown } | null)?.inner)];
  if (
    names.some(
      (name) => name === "QuotaExceededError" || name === "DataCloneError" || name === "InvalidStateError",
    )
  ) {
    return new MailroomError(
      "storage",
      "This device refused to store more data (storage full or blocked). Free some space or remove a cached campaign, then sync again.",
      { cause: error },
    );
  }
  return error;
}

function nameOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "name" in error ? String(error.name) : undefined;
}
