import { fetchResultsFile } from "../api/results";
import { MailroomError } from "../core/errors";
import { db } from "../db/db";
import type { BulkActivity } from "../db/types";
import { openSync, type SyncOptions } from "./context";
import { resultsHrefOf } from "./resultsHref";

/**
 * The results file of a finished export (v3 `_links.results.href`, v2 `file_name`), fetched on
 * demand and not cached: online only. Throws not_found when the activity has no file.
 */
export async function fetchActivityResults(
  accountId: string,
  activityId: string,
  options: SyncOptions = {},
): Promise<Blob> {
  const activity = await findActivity(accountId, activityId);
  const href = resultsHrefOf(activity);
  if (!href) {
    throw new MailroomError(
      "not_found",
      "This activity has no results file (only finished exports have one).",
    );
  }
  const ctx = await openSync(accountId, options);
  return ctx.api(activity.generation).call((client, signal) => fetchResultsFile(client, href, signal));
}

async function findActivity(accountId: string, activityId: string): Promise<BulkActivity> {
  const [v3, v2] = await Promise.all([
    db().activities.get([accountId, "v3", activityId]),
    db().activities.get([accountId, "v2", activityId]),
  ]);
  const activity = v3 ?? v2;
  if (!activity) throw new MailroomError("not_found", `Activity ${activityId} is not on this device.`);
  return activity;
}
