import Dexie from "dexie";
import { db } from "../db";
import type { ActivityErrorLine, BulkActivity, Generation } from "../types";

/**
 * Every compound key starting with `accountId`: a shorter array sorts before its extensions, and
 * Dexie.maxKey (an array) after any string. maxKey appears once only: IndexedDB refuses a key that
 * holds the same array object twice (it takes it for a cycle).
 */
export function accountRange(accountId: string): [unknown[], unknown[]] {
  return [[accountId], [accountId, Dexie.maxKey]];
}

function newestFirst(a: BulkActivity, b: BulkActivity): number {
  const at = (x: BulkActivity) => (x.createdAt ? Date.parse(x.createdAt) : x.firstSeenAt);
  return at(b) - at(a);
}

/**
 * Every bulk activity of an account, v2 and v3, newest first. Read through the primary key (not
 * the createdAt index, which leaves out activities the server gave no creation time).
 */
export async function loadActivities(accountId: string): Promise<BulkActivity[]> {
  const rows = await db()
    .activities.where("[accountId+generation+activityId]")
    .between(...accountRange(accountId))
    .toArray();
  return rows.sort(newestFirst);
}

export function loadActivity(
  accountId: string,
  generation: Generation,
  activityId: string,
): Promise<BulkActivity | undefined> {
  return db().activities.get([accountId, generation, activityId]);
}

/** An activity's error and warning lines, in the server's order. */
export function loadErrorLines(accountId: string, activityId: string): Promise<ActivityErrorLine[]> {
  return db()
    .activityErrors.where("[accountId+activityId+index]")
    .between([accountId, activityId], [accountId, activityId, Dexie.maxKey])
    .toArray();
}
