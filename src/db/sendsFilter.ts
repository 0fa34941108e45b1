import { foldText, fullName } from "./sendStore/fold";
import type { TimeWindow } from "./sendStore/read";
import type { Send } from "./types";

/**
 * What the Sends screen shows and what the export writes: the same filter, so an export holds
 * exactly the rows on screen.
 */
export interface SendsFilter {
  /** One or more send lists (see `sendsDatasetId`). */
  datasets: string[];
  /** Email or name contains this (any case, accents ignored); empty or absent means every row. */
  contains?: string;
  /** Inclusive bounds on `sentAt`, ISO 8601 UTC. */
  sentFrom?: string;
  sentTo?: string;
  /** Time order. */
  order: "asc" | "desc";
}

/** The filter's time bounds as epoch milliseconds. */
export function windowOf(filter: Pick<SendsFilter, "sentFrom" | "sentTo">): TimeWindow {
  const window: TimeWindow = {};
  if (filter.sentFrom !== undefined) window.fromMs = Date.parse(filter.sentFrom);
  if (filter.sentTo !== undefined) window.toMs = Date.parse(filter.sentTo);
  return window;
}

/** The same test as the store's search, row by row (for checks and small in-memory lists). */
export function matchesSendsFilter(row: Send, filter: SendsFilter): boolean {
  if (!filter.datasets.includes(row.dataset)) return false;
  if (filter.sentFrom !== undefined && row.sentAt < filter.sentFrom) return false;
  if (filter.sentTo !== undefined && row.sentAt > filter.sentTo) return false;
  const query = foldText(filter.contains ?? "");
  if (query === "") return true;
  return (
    foldText(row.email).includes(query) || foldText(fullName(row.firstName, row.lastName)).includes(query)
  );
}
