import { db } from "./db";
import type { RequestBudget } from "./types";

/** The request budget of one application key, for display; the pacer owns its updates. */
export function getBudget(appKey: string): Promise<RequestBudget | undefined> {
  return db().budget.get(appKey);
}

/** The UTC day of an instant, YYYY-MM-DD: the daily budget resets when it changes. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Epoch ms of the next 00:00 UTC after `epochMs`: when the daily budget resets. */
export function nextUtcMidnight(epochMs: number): number {
  const d = new Date(epochMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
