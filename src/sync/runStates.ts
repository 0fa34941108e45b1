import type {
  CancelledSyncState,
  FailedSyncState,
  FinishedSyncState,
  RunningSyncState,
  SyncError,
  SyncState,
} from "../db/types";

// The transitions of a sync state (src/db/syncTypes.ts): each builds the whole next state from
// the fields every state keeps, so no field of the status left behind (a retry note, a rate, an
// error) can ride into the next one.

/** The fields every status keeps: the dataset, what is held, and a send list's checkpoint. */
function kept(state: SyncState) {
  const { dataset, accountId, kind, pages, rows, fetchedAt, expectedRows, newestStored, startedAt } = state;
  const { nextLink, mode, stopBelow, resyncCopy, generations } = state;
  return {
    dataset,
    accountId,
    kind,
    pages,
    rows,
    fetchedAt,
    expectedRows,
    newestStored,
    startedAt,
    nextLink,
    mode,
    stopBelow,
    resyncCopy,
    generations,
  };
}

/** What a starting (or resuming) run sets; fields left out keep their value. */
export type RunStart = Partial<
  Pick<
    RunningSyncState,
    "mode" | "stopBelow" | "nextLink" | "expectedRows" | "rows" | "pages" | "newestStored" | "resyncCopy"
  >
>;

/** A run (re)starts at `at`: its rate is measured from here, its pages continue when resuming. */
export function running(current: SyncState, at: number, start: RunStart = {}): RunningSyncState {
  return { ...kept(current), ...start, status: "running", startedAt: at, runRows: 0 };
}

/** How a run ended. `expectedRows`, when given (even as undefined), replaces the one held. */
export interface RunEnd {
  complete: boolean;
  at: number;
  rows: number;
  /** When data last arrived: a run that fetched nothing leaves the one held. */
  fetchedAt: number | undefined;
  expectedRows?: number;
}

/** A run reached its end; `complete` when it holds every row the server counts. */
export function finished(current: SyncState, end: RunEnd): FinishedSyncState {
  return {
    ...kept(current),
    status: end.complete ? "complete" : "partial",
    stopReason: "done",
    runRows: current.runRows,
    rows: end.rows,
    expectedRows: "expectedRows" in end ? end.expectedRows : current.expectedRows,
    finishedAt: end.at,
    fetchedAt: end.fetchedAt,
    nextLink: undefined,
    resyncCopy: undefined,
  };
}

/** The user cancelled: the checkpoint stays, so the next run resumes. */
export function cancelled(current: SyncState, at: number): CancelledSyncState {
  return { ...kept(current), status: "stopped", stopReason: "cancelled", finishedAt: at };
}

/** The run failed: why, and the checkpoint, so the next run resumes. */
export function failed(current: SyncState, error: SyncError): FailedSyncState {
  return { ...kept(current), status: "stopped", stopReason: "error", finishedAt: error.at, lastError: error };
}
