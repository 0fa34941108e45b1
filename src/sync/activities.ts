import { listV2Activities } from "../api/v2/activities";
import { v3ActivitiesPage } from "../api/v3/activities";
import { asStorageError } from "../core/errors";
import { syncLockName, withLock } from "../core/locks";
import { writeForAccount } from "../db/accounts";
import { activitiesOf, isTerminalStatus } from "../db/activities";
import { activitiesDatasetId } from "../db/datasets";
import { db } from "../db/db";
import { getSyncState } from "../db/syncState";
import type { ActivityErrorLine, BulkActivity, Generation } from "../db/types";
import { linesCarriedBy, refreshActivityDetail, replaceErrorLines } from "./activityDetail";
import { type ActivityFromServer, activityFromV2, activityFromV3, mergeSeen } from "./activityRows";
import { openSync, type SyncContext, type SyncOptions } from "./context";
import { runListRefresh } from "./listRefresh";
import { collectPages } from "./pages";
import { markedGone } from "./retention";

export interface RefreshActivitiesOptions extends SyncOptions {
  /** v2 list filters (status: ALL, UNCONFIRMED, …; type: ADD_CONTACTS, …). */
  v2Filters?: { status?: string; type?: string };
  /** v3 `state` filter (processing, completed, cancelled, failed, timed_out). */
  v3State?: string;
  /**
   * Skip the refresh if the lists were fetched less than this long ago, checked once this run
   * holds the account's lock: a refresh that another tab ran meanwhile counts, and a "running"
   * state left by a closed tab does not stop this one.
   */
  unlessFetchedWithinMs?: number;
}

/**
 * Refreshes an account's bulk activities: the lists of each connected generation, the details of
 * new and unfinished ones, and retention marking. The list lands before the details, so the screen
 * fills at once and details follow.
 */
export async function refreshActivities(
  accountId: string,
  options: RefreshActivitiesOptions = {},
): Promise<void> {
  const ctx = await openSync(accountId, options);
  const base = { dataset: activitiesDatasetId(accountId), accountId, kind: "activities" as const };
  const now = () => ctx.deps.clock.now();
  // One refresh per account at a time across tabs and the worker (the poller calls this too).
  await withLock(ctx.deps.locks, syncLockName(base.dataset), async () => {
    if (options.unlessFetchedWithinMs !== undefined) {
      const fetchedAt = (await getSyncState(base.dataset))?.fetchedAt;
      if (fetchedAt !== undefined && now() - fetchedAt < options.unlessFetchedWithinMs) return;
    }
    await runListRefresh(base, now, options.signal, ctx.account.generations, (generation) =>
      refreshGeneration(ctx, generation, options),
    );
  });
}

async function refreshGeneration(
  ctx: SyncContext,
  generation: Generation,
  options: RefreshActivitiesOptions,
): Promise<number> {
  const listed = await listActivities(ctx, generation, options);
  const held = await activitiesOf(ctx.account.id, generation);
  const heldById = new Map(held.map((a) => [a.activityId, a]));
  const now = ctx.deps.clock.now();
  // A row that carries its error lines is a detail already: stored as one, no call for it.
  const carried = new Map<string, ActivityErrorLine[]>();
  const merged = listed.map((fresh) => {
    const activity = mergeSeen(heldById.get(fresh.activityId), fresh, now);
    const lines = linesCarriedBy(activity);
    if (!lines) return activity;
    carried.set(activity.activityId, lines);
    return { ...activity, detailFetchedAt: now };
  });
  // A filtered list says nothing about what is missing from it: only a full list marks retention.
  const filtered =
    generation === "v2"
      ? Boolean(options.v2Filters?.status || options.v2Filters?.type)
      : Boolean(options.v3State);
  const gone = filtered ? [] : markedGone(held, new Set(listed.map((a) => a.activityId)), now);
  try {
    await writeForAccount(ctx.account.id, [db().activities, db().activityErrors], async () => {
      await db().activities.bulkPut([...merged, ...gone]);
      for (const [activityId, lines] of carried)
        await replaceErrorLines({ accountId: ctx.account.id, activityId }, lines);
    });
  } catch (error) {
    throw asStorageError(error);
  }
  const listedWithoutDetail = merged.filter((a) => !carried.has(a.activityId));
  for (const activity of needingDetail(listedWithoutDetail, merged, held, heldById)) {
    await refreshActivityDetail(ctx, generation, activity.activityId);
  }
  return merged.length;
}

function listActivities(
  ctx: SyncContext,
  generation: Generation,
  options: RefreshActivitiesOptions,
): Promise<ActivityFromServer[]> {
  const accountId = ctx.account.id;
  if (generation === "v2") {
    return ctx
      .api("v2")
      .call((client, signal) => listV2Activities(client, options.v2Filters, signal))
      .then((rows) => rows.map((row) => activityFromV2(accountId, row)));
  }
  return collectPages((link) =>
    ctx
      .api("v3")
      .call((client, signal) => v3ActivitiesPage(client, { link, state: options.v3State }, signal)),
  ).then((rows) => rows.map((row) => activityFromV3(accountId, row)));
}

/**
 * New ones, unfinished ones (listed, or held and still on the server), and any never detailed;
 * `summaries` are the listed rows that did not carry their details.
 */
function needingDetail(
  summaries: BulkActivity[],
  merged: BulkActivity[],
  held: BulkActivity[],
  heldById: Map<string, BulkActivity>,
): BulkActivity[] {
  const listedIds = new Set(merged.map((a) => a.activityId));
  const fromList = summaries.filter(
    (a) => !heldById.has(a.activityId) || !isTerminalStatus(a.status) || a.detailFetchedAt === undefined,
  );
  const unlistedUnfinished = held.filter(
    (a) => !listedIds.has(a.activityId) && !a.goneFromServer && !isTerminalStatus(a.status),
  );
  return [...fromList, ...unlistedUnfinished];
}
