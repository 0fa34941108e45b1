import { db } from "./db";
import type { BulkActivity, Generation } from "./types";

const TERMINAL = new Set(["completed", "failed", "cancelled", "timed_out"]);

export function isTerminalStatus(status: BulkActivity["status"]): boolean {
  return TERMINAL.has(status);
}

/** Every held activity of one account and generation, gone-from-server ones included. */
export function activitiesOf(accountId: string, generation: Generation): Promise<BulkActivity[]> {
  return db()
    .activities.where("[accountId+generation+activityId]")
    .between([accountId, generation, ""], [accountId, generation, "\uffff"])
    .toArray();
}

/** Held activities still worth polling: not terminal and still on the server. */
export async function unfinishedActivitiesOf(accountId: string): Promise<BulkActivity[]> {
  const rows = await db()
    .activities.where("[accountId+status]")
    .anyOf([
      [accountId, "pending"],
      [accountId, "running"],
    ])
    .toArray();
  return rows.filter((a) => !a.goneFromServer);
}

export function putActivities(rows: BulkActivity[]): Promise<unknown> {
  return db().activities.bulkPut(rows);
}
