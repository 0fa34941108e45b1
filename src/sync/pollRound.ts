import { AuthRequiredError } from "../api/auth";
import { clock as appClock } from "../core/clock";
import { isMailroomError } from "../core/errors";
import type { WorkerBroadcast } from "../core/messages";
import { db } from "../db";
import { isTerminalStatus, unfinishedActivitiesOf } from "../db/activities";
import type { Account, BulkActivity } from "../db/types";
import { refreshActivities } from "./activities";
import type { SyncDeps } from "./context";
import { JobBackoff } from "./jobBackoff";
import { pollUnfinishedActivities } from "./poll";

/** One step of a poll round: what to tell every page, and a job that ended (for a notification). */
export interface PollEvent {
  broadcast: WorkerBroadcast;
  notify?: BulkActivity;
}

/** Looking for new jobs costs a list request or more per generation: now and then is enough. */
export const LIST_REFRESH_MS = 5 * 60_000;

/**
 * The poll rounds of the service worker, which only delivers what a round yields (a broadcast,
 * a notification) as it comes. A round walks every signed-in account; the rounds keep each
 * unfinished job's own back-off (jobBackoff.ts), so a job that does not move is checked less and
 * less often whatever the other jobs do. A round asked for `everyJob` (the user's Check now, a
 * connection back) asks about every unfinished job, due or not.
 *
 * @example
 * const rounds = makePollRounds();
 * for await (const { broadcast, notify } of rounds.round(navigator.onLine)) channel.postMessage(broadcast);
 * for await (const event of rounds.round(navigator.onLine, true)) … // Check now
 *
 * @param reachable false for an account that cannot be asked now (a demo account with no page open
 *   to answer for it): the round passes over it, and nothing failed.
 */
export function makePollRounds(
  deps?: Partial<SyncDeps>,
  reachable: (account: Account) => Promise<boolean> = async () => true,
) {
  const clock = deps?.clock ?? appClock;
  const backoff = new JobBackoff();
  return {
    async *round(online: boolean, everyJob = false): AsyncGenerator<PollEvent> {
      if (!online) {
        yield { broadcast: { type: "poll-paused", reason: "offline" } };
        return;
      }
      yield { broadcast: { type: "poll-started", at: clock.now() } };
      const unfinished: BulkActivity[] = [];
      for (const account of await db().accounts.toArray()) {
        if (!(await reachable(account))) continue;
        // Whichever call sees a job end (the list refresh fetches unfinished details too), and even
        // if a later call of the round fails, the notification is owed: compare before and after.
        const before = await unfinishedActivitiesOf(account.id);
        const failure = await pollAccount(account.id, deps, everyJob ? undefined : backoff);
        if (failure) {
          backoff.noteFailedRound(await unfinishedActivitiesOf(account.id), clock.now());
          yield { broadcast: failure };
        }
        const ended = await endedSince(before);
        for (const activity of ended) {
          backoff.forget(activity);
          yield { broadcast: finishedMessage(activity), notify: activity };
        }
        unfinished.push(...(await unfinishedActivitiesOf(account.id)));
      }
      const nextPollInMs = backoff.nextRoundIn(unfinished, clock.now());
      yield {
        broadcast: { type: "poll-finished", at: clock.now(), unfinished: unfinished.length, nextPollInMs },
      };
    },
  };
}

/** Refreshes one account's jobs; a failure becomes what the pages are told (polling goes on). */
async function pollAccount(
  accountId: string,
  deps?: Partial<SyncDeps>,
  backoff?: JobBackoff,
): Promise<WorkerBroadcast | undefined> {
  try {
    await refreshActivities(accountId, { unlessFetchedWithinMs: LIST_REFRESH_MS, deps });
    await pollUnfinishedActivities(accountId, { deps, backoff });
    return undefined;
  } catch (error) {
    return failureMessage(accountId, error);
  }
}

async function endedSince(before: BulkActivity[]): Promise<BulkActivity[]> {
  const now = await db().activities.bulkGet(before.map((a) => [a.accountId, a.generation, a.activityId]));
  return now.filter((a): a is BulkActivity => a !== undefined && isTerminalStatus(a.status));
}

function finishedMessage(activity: BulkActivity): WorkerBroadcast {
  return {
    type: "activity-finished",
    accountId: activity.accountId,
    generation: activity.generation,
    activityId: activity.activityId,
    status: activity.status,
  };
}

function failureMessage(accountId: string, error: unknown): WorkerBroadcast {
  if (error instanceof AuthRequiredError || (isMailroomError(error) && error.kind === "unauthorized")) {
    return { type: "poll-paused", reason: "sign-in-required", accountId };
  }
  return {
    type: "poll-failed",
    accountId,
    kind: isMailroomError(error) ? error.kind : "unknown",
    message: error instanceof Error ? error.message : String(error),
  };
}
