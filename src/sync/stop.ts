import Dexie from "dexie";
import { isMailroomError, MailroomError } from "../core/errors";
import { patchSyncState } from "../db/syncState";
import type { SyncState } from "../db/types";
import { ListRemovedError } from "./listRemoval";

type StateBase = Pick<SyncState, "dataset" | "accountId" | "kind">;

/** Any failure as a MailroomError (the only error type that crosses layers); aborts pass through. */
export function toMailroomError(error: unknown): unknown {
  if (isMailroomError(error)) return error;
  // Dexie reports an aborted transaction (full disk, …) as an "AbortError" too: it is checked
  // first so that it is never mistaken for the user's Cancel.
  if (error instanceof Dexie.DexieError) {
    return new MailroomError("storage", `This device's database refused the write: ${error.message}`, {
      cause: error,
    });
  }
  if (isAbort(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MailroomError("bad_response", `Sync failed unexpectedly: ${message}`, { cause: error });
}

export function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/**
 * Records why a run stopped, without touching its checkpoint (nextLink, rows, pages), so the next
 * run resumes where this one left off. A cancel is a stop, not an error.
 */
export async function recordStop(
  base: StateBase,
  error: unknown,
  now: number,
  signal?: AbortSignal,
): Promise<void> {
  if (signal?.aborted || isAbort(error)) {
    await patchSyncState(base, { status: "stopped", stopReason: "cancelled", finishedAt: now });
    return;
  }
  const kind = isMailroomError(error) ? error.kind : "bad_response";
  const message = error instanceof Error ? error.message : String(error);
  const generation = isMailroomError(error) ? error.details.generation : undefined;
  await patchSyncState(base, {
    status: "stopped",
    stopReason: "error",
    finishedAt: now,
    lastError: { kind, message, at: now, ...(generation ? { generation } : {}) },
  });
}

/** Runs a sync job: state records any failure, and the caller still gets it (as a MailroomError). */
export async function runRecorded<T>(
  base: StateBase,
  now: () => number,
  signal: AbortSignal | undefined,
  job: () => Promise<T>,
): Promise<T> {
  try {
    return await job();
  } catch (error) {
    // The user removed the list: recording the stop would put its state back.
    if (error instanceof ListRemovedError) throw error;
    const mapped = signal?.aborted ? signal.reason : toMailroomError(error);
    await recordStop(base, mapped, now(), signal);
    throw mapped;
  }
}
