/// <reference lib="webworker" />

import { BROADCAST_CHANNEL, type PollReason, type WorkerBroadcast } from "../core/messages";
import { makeKeepUpRounds, makePollRounds } from "../sync";
import { demoReachable } from "./demoRelay";
import { notifyFinished } from "./notify";

declare const self: ServiceWorkerGlobalScope;

const channel = new BroadcastChannel(BROADCAST_CHANNEL);
const broadcast = (message: WorkerBroadcast) => channel.postMessage(message);
// A demo account is answered by an open page: with none, nothing to poll (and nothing failed).
const reachable: Parameters<typeof makePollRounds>[1] = (account) => demoReachable(account.endpoints);
const rounds = makePollRounds(undefined, reachable);
const keepUp = makeKeepUpRounds(undefined, reachable);

let running: Promise<void> | undefined;

/**
 * One poll round over every signed-in account (src/sync/pollRound.ts), told to every page as it
 * goes. Requests arriving while a round runs join it instead of starting another, so several
 * wake-ups (two tabs, a sync event, a button) cost one set of requests.
 */
export function pollEveryAccount(reason: PollReason = "schedule"): Promise<void> {
  // The user's "Check now" (and a connection back) asks about every job, due or not.
  running ??= deliverRound(reason === "user" || reason === "online").finally(() => {
    running = undefined;
  });
  return running;
}

async function deliverRound(everyJob: boolean): Promise<void> {
  for await (const event of rounds.round(self.navigator.onLine, everyJob)) {
    broadcast(event.broadcast);
    if (event.notify) await notifyFinished(event.notify);
  }
}

/**
 * Every wake-up: the poll round and, beside it, "Keep all send lists up to date" (src/sync/keepUpRounds.ts),
 * which runs less often unless the user asked or the connection came back.
 */
export function wakeEveryAccount(reason: PollReason = "schedule"): Promise<unknown> {
  const asked = reason === "user" || reason === "online" || reason === "keep-up";
  return Promise.all([pollEveryAccount(reason), keepUp.round(self.navigator.onLine, asked)]);
}
