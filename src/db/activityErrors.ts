import { db } from "./db";
import type { ActivityErrorLine } from "./types";

function linesRange(accountId: string, activityId: string) {
  return db()
    .activityErrors.where("[accountId+activityId+index]")
    .between([accountId, activityId, -Infinity], [accountId, activityId, Infinity]);
}

/** The error and warning lines of one activity, in the server's order. */
export function activityErrorLinesOf(accountId: string, activityId: string): Promise<ActivityErrorLine[]> {
  return linesRange(accountId, activityId).toArray();
}

/** Replaces an activity's lines at once, so a reader never sees half of an old and half of a new list. */
export function replaceActivityErrorLines(
  accountId: string,
  activityId: string,
  lines: ActivityErrorLine[],
): Promise<void> {
  return db().transaction("rw", db().activityErrors, async () => {
    await linesRange(accountId, activityId).delete();
    await db().activityErrors.bulkPut(lines);
  });
}
