import { isAbort, isMailroomError, toMailroomError } from "../core/errors";
import { type SyncStateKey, updateSyncState } from "../db/syncState";
import { ListRemovedError } from "./listRemoval";
import { cancelled, failed } from "./runStates";

/** A run's failure as a MailroomError (the only error type that crosses layers); a Cancel passes. */
function mappedFailure(error: unknown): unknown {
  return isAbort(error) ? error : toMailroomError(error);
}

/**
 * Records why a run stopped, without touching its checkpoint (nextLink, rows, pages), so the next
 * run resumes where this one left off. A cancel is a stop, not an error.
 */
export async function recordStop(
  base: SyncStateKey,
  error: unknown,
  now: number,
  signal?: AbortSignal,
): Promise<void> {
  if (signal?.aborted || isAbort(error)) {
    await updateSyncState(base, (current) => cancelled(current, now));
    return;
  }
  const kind = isMailroomError(error) ? error.kind : "unexpected";
  const message = error instanceof Error ? error.message : String(error);
  const generation = isMailroomError(error) ? error.details.generation : undefined;
  await updateSyncState(base, (current) =>
    failed(current, { kind, message, at: now, ...(generation ? { generation } : {}) }),
  );
}

/** Runs a sync job: state records any failure, and the caller still gets it (as a MailroomError). */
export async function runRecorded<T>(
  base: SyncStateKey,
  now: () => number,
  signal: AbortSignal | undefined,
  job: () => Promise<T>,
): Promise<T> {
  try {
    return await job();
  } catch (error) {
    // The user removed the list: recording the stop would put its state back.
    if (error instanceof ListRemovedError) throw error;
    const mapped = signal?.aborted ? signal.reason : mappedFailure(error);
    await recordStop(base, mapped, now(), signal);
    throw mapped;
  }
}
