import { POLL_FAST_MS } from "../../sync/pollSchedule";
import type { PollStatus } from "./createPollStatus";

/**
 * Whether a screen that now shows more unfinished jobs than before (a refresh found new ones)
 * should wake the poller at once rather than leave them to the next scheduled round, which may be
 * minutes away when nothing was running. Not while a round runs (it reports what it finds itself),
 * not while polling is paused, and not before this tab has heard the schedule at all.
 */
export function shouldWakePoller(before: number, after: number, status: PollStatus, now: number): boolean {
  if (after <= before || status.polling || status.paused) return false;
  if (status.nextPollAt === undefined) return false;
  return status.nextPollAt - now > POLL_FAST_MS;
}
