// Stored shapes of the sync engine's own bookkeeping: one state row per dataset, the request
// budget of each application key, and the settings. Re-exported by ./types.ts with the cached data.
import type { Generation } from "../core/types";

export type SyncStatus = SyncState["status"];

/** What a failed run, or a failed request of a run, tells the user. */
export interface SyncError {
  kind: string;
  message: string;
  at: number;
  /** Which API generation needs a sign-in, for not_signed_in and unauthorized. */
  generation?: Generation;
}

/** A request of a running sync waiting to be tried again (5xx, network, throttled, a body cut short). */
export interface SyncRetry {
  kind: string;
  message: string;
  attempt: number;
  of: number;
  until: number;
}

/**
 * One row per dataset being synced: enough to resume after a crash and to show progress. A union
 * by `status`, each state with the fields it has; a field another state has is declared
 * `?: undefined` here, so a screen may read it on any state and gets nothing. The transitions
 * between them are in src/sync/runStates.ts.
 */
export type SyncState =
  | IdleSyncState
  | RunningSyncState
  | FinishedSyncState
  | CancelledSyncState
  | FailedSyncState;

/** What every state holds: the dataset, what is cached, and a send list's checkpoint. */
interface SyncStateBase {
  dataset: string;
  accountId: string;
  kind: "sends" | "activities" | "campaigns";
  /** Pages stored by the current or last run (a resumed run continues the count). */
  pages: number;
  /**
   * Rows held for the dataset: exact when a run starts and ends, advanced by each page's size in
   * between (so a progress bar can use rows / expectedRows).
   */
  rows: number;
  /** When data last arrived. */
  fetchedAt?: number;
  /** How many rows the server says the dataset has (v3 send_history, v2 tracking summary). */
  expectedRows?: number;
  newestStored?: string;
  /** When the current or last run (re)started. */
  startedAt?: number;
  /** The next page to fetch; written in the same transaction as the rows of the page before it. */
  nextLink?: string;
  /** "first" pages through everything; "incremental" fetches only what is new. */
  mode?: "first" | "incremental";
  /** Newest sent time stored when the current run started: an incremental run stops below it. */
  stopBelow?: string;
  /**
   * Set while a "Sync everything again" runs (and while it is stopped, so that it resumes as one):
   * its rows carry this copy, and rows without it are dropped when it completes (src/sync/resync.ts).
   */
  resyncCopy?: number;
  /**
   * Lists fetched from both API generations (activities, campaigns): how each generation's part of
   * the last run ended, so a screen can say "v3 fetched 2 min ago · v2 not signed in" while the
   * fields above describe the run as a whole. Not indexed: no schema version needed.
   */
  generations?: Partial<Record<Generation, GenerationSyncState>>;
}

/** Fields only a running state has, absent from every other. */
interface NotRunning {
  rate?: undefined;
  retrying?: undefined;
}

/** A state created before its first run (a list's rows were held without one). */
export interface IdleSyncState extends SyncStateBase, NotRunning {
  status: "idle";
  runRows?: undefined;
  stopReason?: undefined;
  finishedAt?: undefined;
  lastError?: undefined;
}

/** A run in progress, or one a closed tab left behind (its lock is then free: see SendListRow). */
export interface RunningSyncState extends SyncStateBase {
  status: "running";
  startedAt: number;
  /** Rows stored by this run since it (re)started: with startedAt, gives `rate`. */
  runRows: number;
  /** Rows per second over the current run, for the ETA. */
  rate?: number;
  /**
   * Set while a request of the run waits to be tried again, so the user sees why it stalls; the
   * next page's checkpoint, which replaces the whole row, clears it.
   */
  retrying?: SyncRetry;
  stopReason?: undefined;
  finishedAt?: undefined;
  lastError?: undefined;
}

/** A run that reached its end: "complete" holds every row the server counts, "partial" fewer. */
export interface FinishedSyncState extends SyncStateBase, NotRunning {
  status: "complete" | "partial";
  stopReason: "done";
  finishedAt: number;
  /** Rows the run stored ("500 new" after an incremental one). */
  runRows?: number;
  nextLink?: undefined;
  resyncCopy?: undefined;
  lastError?: undefined;
}

/** A run the user cancelled: its checkpoint stays, so the next run resumes. */
export interface CancelledSyncState extends SyncStateBase, NotRunning {
  status: "stopped";
  stopReason: "cancelled";
  finishedAt: number;
  runRows?: undefined;
  lastError?: undefined;
}

/** A run that failed: why, for the screen, and its checkpoint, so the next run resumes. */
export interface FailedSyncState extends SyncStateBase, NotRunning {
  status: "stopped";
  stopReason: "error";
  finishedAt: number;
  runRows?: undefined;
  lastError: SyncError;
}

/** One API generation's part of a list refresh. */
export interface GenerationSyncState {
  /** fetched: its list arrived whole; not_signed_in: never signed in here, skipped; failed: see error. */
  outcome: "fetched" | "not_signed_in" | "failed";
  /** When its list last arrived whole (kept through later skipped or failed runs). */
  fetchedAt?: number;
  rows?: number;
  error?: { kind: string; message: string; at: number };
  at: number;
}

/** The request budget of one application key, shared by every tab and the worker. */
export interface RequestBudget {
  appKey: string;
  /** UTC day, YYYY-MM-DD: `used` resets when it changes. */
  day: string;
  used: number;
  /** When the requests of the last second left (epoch ms), or will: the 4/s pace counts from them. */
  recent: number[];
  /** Set by a `quota_exceeded` answer: no request before this time. */
  blockedUntil?: number;
}

export interface Setting {
  key: string;
  value: unknown;
  /** Set on an account's own settings, so that erasing the account removes them (auth/signOut.ts). */
  accountId?: string;
}
