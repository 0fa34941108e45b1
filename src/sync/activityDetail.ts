import { getV2Activity } from "../api/v2/activities";
import { getV3Activity } from "../api/v3/activities";
import { asStorageError, isMailroomError } from "../core/errors";
import { writeForAccount } from "../db/accounts";
import { db } from "../db/db";
import type { ActivityErrorLine, BulkActivity, Generation } from "../db/types";
import { activityFromV2, activityFromV3, mergeSeen } from "./activityRows";
import type { SyncContext } from "./context";
import { errorLinesOf } from "./errorLines";

/**
 * Fetches one activity's detail and stores it with its error lines in one transaction. A 404 for a
 * held activity marks it gone (past retention, or removed): history is kept, polling stops.
 */
export async function refreshActivityDetail(
  ctx: SyncContext,
  generation: Generation,
  activityId: string,
): Promise<BulkActivity | undefined> {
  const accountId = ctx.account.id;
  const held = await db().activities.get([accountId, generation, activityId]);
  let fresh: ReturnType<typeof activityFromV2>;
  let lines: ActivityErrorLine[];
  try {
    if (generation === "v2") {
      const row = await ctx.api("v2").call((client, signal) => getV2Activity(client, activityId, signal));
      fresh = activityFromV2(accountId, row);
      lines = errorLinesOf(accountId, activityId, row.errors, row.warnings);
    } else {
      const row = await ctx.api("v3").call((client, signal) => getV3Activity(client, activityId, signal));
      fresh = activityFromV3(accountId, row);
      lines = errorLinesOf(accountId, activityId, row.activity_errors, undefined);
    }
  } catch (error) {
    if (isMailroomError(error) && error.kind === "not_found" && held) {
      const gone = { ...held, goneFromServer: true };
      await writeForAccount(held.accountId, [db().activities], () => db().activities.put(gone));
      return gone;
    }
    throw error;
  }
  const now = ctx.deps.clock.now();
  const stored: BulkActivity = { ...mergeSeen(held, fresh, now), detailFetchedAt: now };
  await storeDetail(stored, lines);
  return stored;
}

/**
 * The error lines a list row already carries, if it does. A v3 list row is the whole `Activity`
 * (errors included), so it needs no detail call; a v2 list row is a summary without errors.
 */
export function linesCarriedBy(activity: BulkActivity): ActivityErrorLine[] | undefined {
  if (activity.generation !== "v3") return undefined;
  const errors = (activity.raw as { activity_errors?: unknown } | undefined)?.activity_errors;
  if (!Array.isArray(errors)) return undefined;
  return errorLinesOf(activity.accountId, activity.activityId, errors, undefined);
}

/** Replaces one activity's error lines; to be called inside a transaction over both tables. */
export async function replaceErrorLines(
  activity: Pick<BulkActivity, "accountId" | "activityId">,
  lines: ActivityErrorLine[],
): Promise<void> {
  const { accountId, activityId } = activity;
  // Replace, not merge: a later answer may carry fewer lines than an earlier partial one.
  await db()
    .activityErrors.where("[accountId+activityId+index]")
    .between([accountId, activityId, -Infinity], [accountId, activityId, Infinity])
    .delete();
  if (lines.length > 0) await db().activityErrors.bulkPut(lines);
}

async function storeDetail(activity: BulkActivity, lines: ActivityErrorLine[]): Promise<void> {
  const database = db();
  try {
    await writeForAccount(activity.accountId, [database.activities, database.activityErrors], async () => {
      await database.activities.put(activity);
      await replaceErrorLines(activity, lines);
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
