// Stored shapes of the sync engine's own bookkeeping: one state row per dataset, the request
// budget of each application key, and the settings. Re-exported by ./types.ts with the cached data.
import type { Generation } from "../core/types";

export type SyncStatus = "idle" | "running" | "complete" | "partial" | "stopped";

/** One row per dataset being synced: enough to resume after a crash and to show progress. */
export interface SyncState {
  dataset: string;
  accountId: string;
  kind: "sends" | "activities" | "campaigns";
  status: SyncStatus;
  /** The next page to fetch; written in the same transaction as the rows of the page before it. */
  nextLink?: string;
  /** "first" pages through everything; "incremental" fetches only what is new. */
  mode?: "first" | "incremental";
  /**
   * Set while a "Sync everything again" runs (and while it is stopped, so that it resumes as one):
   * its rows carry this copy, and rows without it are dropped when it completes (src/sync/resync.ts).
   */
  resyncCopy?: number;
  /** Newest sent time stored when the current run started: an incremental run stops below it. */
  stopBelow?: string;
  newestStored?: string;
  /** Pages stored by the current run (a resumed run continues the count). */
  pages: number;
  /**
   * Rows held for the dataset: exact when a run starts and ends, advanced by each page's size in
   * between (so a progress bar can use rows / expectedRows).
   */
  rows: number;
  /** Rows stored by the current run since it (re)started: with startedAt, gives `rate`. */
  runRows?: number;
  startedAt?: number;
  finishedAt?: number;
  fetchedAt?: number;
  expectedRows?: number;
  /** Rows per second over the current run, for the ETA. */
  rate?: number;
  /** `generation`: which API generation needs a sign-in, for not_signed_in and unauthorized. */
  lastError?: { kind: string; message: string; at: number; generation?: Generation };
  /** Why the last run stopped, for the UI: "done", "cancelled", "error". */
  stopReason?: "done" | "cancelled" | "error";
  /**
   * Set while a request of the run waits to be tried again (5xx, network, throttled, a body cut
   * short), so the user
   * sees why it stalls; the next page's checkpoint, which replaces the whole row, clears it.
   */
  retrying?: { kind: string; message: string; attempt: number; of: number; until: number };
  /**
   * Lists fetched from both API generations (activities, campaigns): how each generation's part of
   * the last run ended, so a screen can say "v3 fetched 2 min ago · v2 not signed in" while the
   * fields above describe the run as a whole. Not indexed: no schema version needed.
   */
  generations?: Partial<Record<Generation, GenerationSyncState>>;
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
