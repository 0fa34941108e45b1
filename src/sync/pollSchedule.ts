/**
 * When to poll again. While a job runs, users want to see it end soon after it ends, so the first
 * checks are quick; a job that stays unfinished for long (a big import) is checked less and less
 * often, so one slow job does not spend the 10,000-a-day budget. With nothing running, the
 * worker only looks for new jobs now and then.
 */
export const POLL_FAST_MS = 5_000;
export const POLL_SLOWEST_WHILE_RUNNING_MS = 60_000;
export const POLL_IDLE_MS = 5 * 60_000;

export function nextPollDelay(unfinished: number, roundsSinceLastChange: number): number {
  if (unfinished === 0) return POLL_IDLE_MS;
  const backedOff = POLL_FAST_MS * 2 ** Math.max(0, roundsSinceLastChange - 3);
  return Math.min(backedOff, POLL_SLOWEST_WHILE_RUNNING_MS);
}
