/// <reference lib="webworker" />

import { AuthRequiredError } from "../auth/types";
import { clock } from "../core/clock";
import { isMailroomError } from "../core/errors";
import { db } from "../db";
import { isTerminalStatus, unfinishedActivitiesOf } from "../db/activities";
import type { BulkActivity } from "../db/types";
import { pollUnfinishedActivities, refreshActivities } from "../sync";
import { BROADCAST_CHANNEL, type WorkerBroadcast } from "../sync/messages";
import { nextPollDelay } from "../sync/pollSchedule";
import { notifyFinished } from "./notify";

declare const self: ServiceWorkerGlobalScope;

const channel = new BroadcastChannel(BROADCAST_CHANNEL);
const broadcast = (message: WorkerBroadcast) => channel.postMessage(message);

let running: Promise<void> | undefined;
/** Rounds in a row that found unfinished jobs but saw none finish: drives the back-off. */
let quietRounds = 0;
/** Looking for new jobs costs a list request or more per generation: now and then is enough. */
const LIST_REFRESH_MS = 5 * 60_000;

/**
 * One poll round over every signed-in account. Requests arriving while a round runs join it
 * instead of starting another, so several wake-ups (two tabs, a sync event, a button) cost one
 * set of requests.
 */
export function pollEveryAccount(): Promise<void> {
  running ??= pollRound().finally(() => {
    running = undefined;
  });
  return running;
}

async function pollRound(): Promise<void> {
  if (!self.navigator.onLine) {
    broadcast({ type: "poll-paused", reason: "offline" });
    return;
  }
  broadcast({ type: "poll-started", at: clock.now() });
  let unfinished = 0;
  let finishedAny = false;
  for (const account of await db().accounts.toArray()) {
    // Whichever call sees a job end (the list refresh fetches unfinished details too), and even
    // if a later call of the round fails, the notification is owed: compare before and after.
    const before = await unfinishedActivitiesOf(account.id);
    try {
      await refreshActivities(account.id, { unlessFetchedWithinMs: LIST_REFRESH_MS });
      await pollUnfinishedActivities(account.id);
    } catch (error) {
      reportFailure(account.id, error);
    }
    const ended = await endedSince(before);
    finishedAny ||= ended.length > 0;
    for (const activity of ended) await announce(activity);
    unfinished += (await unfinishedActivitiesOf(account.id)).length;
  }
  quietRounds = finishedAny || unfinished === 0 ? 0 : quietRounds + 1;
  broadcast({
    type: "poll-finished",
    at: clock.now(),
    unfinished,
    nextPollInMs: nextPollDelay(unfinished, quietRounds),
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
  const needsSignIn =
    isMailroomError(error) && (error.kind === "unauthorized" || error.kind === "not_signed_in");
  if (error instanceof AuthRequiredError || needsSignIn) {
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
