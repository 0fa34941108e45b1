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
   * sandbox with its rate limit off and must not be held to 4/s. See src/sync/pacer.ts.
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
  firstName?: string;
  lastName?: string;
  /** ISO 8601 UTC with milliseconds, so string order is time order. */
  sentAt: string;
  deletedAt?: string;
  campaignId?: string;
  campaignActivityId?: string;
}

export type * from "./syncTypes";
