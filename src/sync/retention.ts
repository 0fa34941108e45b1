import type { BulkActivity, Generation } from "../db/types";

const DAY_MS = 86_400_000;

/** How long Constant Contact keeps an activity's status: 14 days on v2, 10 days on v3. */
export const RETENTION_MS: Record<Generation, number> = { v2: 14 * DAY_MS, v3: 10 * DAY_MS };

/** Older than the server keeps it, by its creation time (or, if the server never said, first sight). */
export function isBeyondRetention(activity: BulkActivity, now: number): boolean {
  const created = activity.createdAt ? Date.parse(activity.createdAt) : Number.NaN;
  const since = Number.isNaN(created) ? activity.firstSeenAt : created;
  return now - since > RETENTION_MS[activity.generation];
}

/**
 * Held activities the server stopped listing and that are past retention: kept as history and
 * marked gone, never deleted. One that is not listed but still young is left alone (v2 lists only
 * the last 50, so absence alone proves nothing).
 */
export function markedGone(held: BulkActivity[], listedIds: Set<string>, now: number): BulkActivity[] {
  return held
    .filter((a) => !a.goneFromServer && !listedIds.has(a.activityId) && isBeyondRetention(a, now))
    .map((a) => ({ ...a, goneFromServer: true }));
}
