import type { Send } from "./types";

/**
 * What the Sends screen shows and what the export writes: the same filter, so an export holds
 * exactly the rows on screen. Prefixes are compared lower-cased against `emailKey` / `nameKey`.
 */
export interface SendsFilter {
  /** One or more send lists (see `sendsDatasetId`). */
  datasets: string[];
  /** Email or name prefix; empty or absent means every row. */
  prefix?: string;
  /** Inclusive bounds on `sentAt`, ISO 8601 UTC. */
  sentFrom?: string;
  sentTo?: string;
  /** Time order; "asc" is the primary key's own order. */
  order: "asc" | "desc";
}

export function normalisePrefix(prefix: string | undefined): string {
  return (prefix ?? "").trim().toLowerCase();
}

export function matchesSendsFilter(row: Send, filter: SendsFilter): boolean {
  if (!filter.datasets.includes(row.dataset)) return false;
  if (filter.sentFrom !== undefined && row.sentAt < filter.sentFrom) return false;
  if (filter.sentTo !== undefined && row.sentAt > filter.sentTo) return false;
  const prefix = normalisePrefix(filter.prefix);
  if (prefix === "") return true;
  return row.emailKey.startsWith(prefix) || row.nameKey.startsWith(prefix);
}
