/**
 * A leaf module (imports nothing of ours): Constant Contact's daily request budget resets at
 * 00:00 UTC, and the pacer, the error mapper and the budget screen must agree on when that is.
 */

/** The UTC day of an instant, YYYY-MM-DD: the key of the request budget. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Epoch ms of the next 00:00 UTC after `epochMs`: when the daily budget resets. */
export function nextUtcMidnight(epochMs: number): number {
  const d = new Date(epochMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}
