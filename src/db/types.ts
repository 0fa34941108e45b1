// Stored shapes. They are Mailroom's own, kept apart from the API's shapes (src/api validates and
// maps those). Every record carries its account, so one device can hold several accounts.

import type { ActivityStatus, Generation } from "../core/types";

export type { ActivityStatus, Generation };

/** Where an account's requests go. Overridable for users behind a CORS proxy. */
export interface Endpoints {
  v3Api: string;
  v3Authorize: string;
  v3Token: string;
  v3Revoke: string;
  v2Api: string;
  v2Authorize: string;
  v2TokenInfo: string;
}

export interface Account {
  id: string;
  label: string;
  /** v3 client id (the "API key" of a v3 application). */
  v3ClientId?: string;
  /** v2 API key, sent as `api_key` on every v2 call. */
  v2ApiKey?: string;
  generations: Generation[];
  scopes: string;
  endpoints: Endpoints;
  /** The account is the sandbox (demo data), shown as such in the UI. */
  sandbox: boolean;
  /**
   * Request pace for this account's application key (default 4, Constant Contact's limit). Values
   * above 4 and 0 (no per-second spacing) are honoured only for sandbox accounts: the bench runs a
   * sandbox with its rate limit off and must not be held to 4/s. See src/sync/pacing/pacer.ts.
   */
  requestsPerSecond?: number;
  createdAt: number;
}

export interface StoredToken {
  accountId: string;
  generation: Generation;
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; undefined when the server did not say. */
  expiresAt?: number;
  scope?: string;
  /** Set when a refresh failed for good: the user must sign in again. Cached data stays. */
  signInRequired?: string;
  updatedAt: number;
}

/** One OAuth attempt, between the redirect out and the callback. Short-lived. */
export interface AuthAttempt {
  state: string;
  accountId: string;
  generation: Generation;
  codeVerifier?: string;
  redirectUri: string;
  createdAt: number;
  /** The generations to sign in to after this one ("Both": a v3 attempt carries ["v2"]). */
  continueWith?: Generation[];
}

/** v2 and v3 bulk activities in one model. `status` is normalised; the raw fields are kept. */
export interface BulkActivity {
  accountId: string;
  generation: Generation;
  activityId: string;
  /** v2 `type` (ADD_CONTACTS, …); v3 has none, so it is guessed from links or left "unknown". */
  type: string;
  status: ActivityStatus;
  /** The server's own word: v2 `status` or v3 `state`. */
  rawStatus: string;
  percentDone?: number;
  itemsTotal?: number;
  itemsDone?: number;
  errorCount?: number;
  contactCount?: number;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  fileName?: string;
  resultsHref?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  detailFetchedAt?: number;
  /** Constant Contact no longer returns it (retention: 14 days v2, 10 days v3). History is kept. */
  goneFromServer: boolean;
  raw: unknown;
}

export interface ActivityErrorLine {
  accountId: string;
  activityId: string;
  index: number;
  kind: "error" | "warning";
  lineNumber?: number;
  email?: string;
  message: string;
}

export interface Campaign {
  accountId: string;
  generation: Generation;
  campaignId: string;
  name: string;
  status: string;
  createdAt?: string;
  updatedAt?: string;
  lastRunAt?: string;
  fetchedAt: number;
  raw: unknown;
}

/** v3 only: a campaign owns several activities; sends reports hang off primary_email and resend. */
export interface CampaignActivity {
  accountId: string;
  campaignId: string;
  campaignActivityId: string;
  role: string;
  status?: string;
  fetchedAt: number;
}

/**
 * A send list is a dataset: `${accountId}|v2|${campaignId}` or `${accountId}|v3|${campaignActivityId}`.
 * See `sendsDatasetId`.
 */
export interface Send {
  dataset: string;
  contactId: string;
  email: string;
  /** Lower-cased email, for prefix search. */
  emailKey: string;
  firstName?: string;
  lastName?: string;
  /** Lower-cased "first last", for prefix search by name. Empty when no name. */
  nameKey: string;
  /** ISO 8601 UTC with milliseconds, so string order is time order. */
  sentAt: string;
  deletedAt?: string;
  campaignId?: string;
  campaignActivityId?: string;
  /** Set by a "Sync everything again": the copy (SyncState.resyncCopy) that stored this row. */
  copy?: number;
}

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
}

/**
 * What "Explore with demo data" keeps between page loads, so that every page's in-page sandbox
 * serves the same world and accepts the same tokens (src/sandbox/browser/demo.ts). Stored in
 * `settings` under one key: a single row needs no table of its own, nor a schema version.
 */
export interface DemoWorld {
  seed: number;
  /** Epoch ms the demo's generated data is anchored to. */
  anchor: number;
  /** What the demo sandbox marks its tokens with. */
  tokenSecret: string;
}
