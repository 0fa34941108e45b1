/// <reference lib="webworker" />

import { AuthRequiredError } from "../auth/types";
import { clock } from "../core/clock";
import { isMailroomError } from "../core/errors";
import { db } from "../db";
import { isTerminalStatus, unfinishedActivitiesOf } from "../db/activities";
import type { BulkActivity } from "../db/types";
import { pollUnfinishedActivities, refreshActivities } from "../sync";
import { JobBackoff } from "../sync/jobBackoff";
import { BROADCAST_CHANNEL, type PollReason, type WorkerBroadcast } from "../sync/messages";
import { notifyFinished } from "./notify";

declare const self: ServiceWorkerGlobalScope;

const channel = new BroadcastChannel(BROADCAST_CHANNEL);
const broadcast = (message: WorkerBroadcast) => channel.postMessage(message);

let running: Promise<void> | undefined;
/** Each unfinished job's own back-off: a job that does not move is checked less and less often. */
const backoff = new JobBackoff();
/** Looking for new jobs costs a list request or more per generation: now and then is enough. */
const LIST_REFRESH_MS = 5 * 60_000;

/**
 * One poll round over every signed-in account. Requests arriving while a round runs join it
 * instead of starting another, so several wake-ups (two tabs, a sync event, a button) cost one
 * set of requests.
 */
export function pollEveryAccount(reason: PollReason = "schedule"): Promise<void> {
  // The user's "Check now" (and a connection back) asks about every job, due or not.
  const everyJob = reason === "user" || reason === "online";
  running ??= pollRound(everyJob).finally(() => {
    running = undefined;
  });
  return running;
}

async function pollRound(everyJob: boolean): Promise<void> {
  if (!self.navigator.onLine) {
    broadcast({ type: "poll-paused", reason: "offline" });
    return;
  }
  broadcast({ type: "poll-started", at: clock.now() });
  const unfinished: BulkActivity[] = [];
  for (const account of await db().accounts.toArray()) {
    // Whichever call sees a job end (the list refresh fetches unfinished details too), and even
    // if a later call of the round fails, the notification is owed: compare before and after.
    const before = await unfinishedActivitiesOf(account.id);
    try {
      await refreshActivities(account.id, { unlessFetchedWithinMs: LIST_REFRESH_MS });
      await pollUnfinishedActivities(account.id, everyJob ? {} : { backoff });
    } catch (error) {
      reportFailure(account.id, error);
      backoff.noteFailedRound(await unfinishedActivitiesOf(account.id), clock.now());
    }
    const ended = await endedSince(before);
    for (const activity of ended) {
      backoff.forget(activity);
      await announce(activity);
    }
    unfinished.push(...(await unfinishedActivitiesOf(account.id)));
  }
  broadcast({
    type: "poll-finished",
    at: clock.now(),
    unfinished: unfinished.length,
    nextPollInMs: backoff.nextRoundIn(unfinished, clock.now()),
  });
}

async function endedSince(before: BulkActivity[]): Promise<BulkActivity[]> {
  const now = await db().activities.bulkGet(before.map((a) => [a.accountId, a.generation, a.activityId]));
  return now.filter((a): a is BulkActivity => a !== undefined && isTerminalStatus(a.status));
}

async function announce(activity: BulkActivity): Promise<void> {
  broadcast({
    type: "activity-finished",
    accountId: activity.accountId,
    generation: activity.generation,
    activityId: activity.activityId,
    status: activity.status,
  });
  await notifyFinished(activity);
}

/** Failures are told to every page (which shows them); polling goes on for the other accounts. */
function reportFailure(accountId: string, error: unknown): void {
  if (error instanceof AuthRequiredError || (isMailroomError(error) && error.kind === "unauthorized")) {
    broadcast({ type: "poll-paused", reason: "sign-in-required", accountId });
    return;
  }
  broadcast({
    type: "poll-failed",
    accountId,
    kind: isMailroomError(error) ? error.kind : "unknown",
    message: error instanceof Error ? error.message : String(error),
  });
}
