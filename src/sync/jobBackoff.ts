import type { BulkActivity } from "../db/types";
import { isKnownActivityStatus } from "./activityStatus";
import { nextPollDelay, POLL_FAST_MS, POLL_IDLE_MS } from "./pollSchedule";

/** One unfinished job as the poller saw it last. */
interface JobWatch {
  /** The server's status word when it last changed: a job "moves" only when this changes. */
  rawStatus: string;
  /** Rounds since the word changed (or since the job was first seen). */
  quietRounds: number;
  /** When the job is next worth a detail request (epoch ms). */
  dueAt: number;
}

/**
 * Back-off per job, kept by the poller between rounds (in the worker's memory, as the round count
 * was). A job is polled quickly at first and less and less often while its status word stays the
 * same, whatever the other jobs do: before, one schedule for all jobs started fast again each time
 * any job finished, so a job stuck in a state no client knows (or any job that does not move) was
 * polled every few seconds for as long as other jobs kept ending. An unknown state counts as
 * not moving even when its progress fields change: Mailroom cannot tell what they mean.
 */
export class JobBackoff {
  private readonly watches = new Map<string, JobWatch>();

  /** A job never seen is due at once. */
  isDue(activity: BulkActivity, now: number): boolean {
    const watch = this.watches.get(keyOf(activity));
    return watch === undefined || watch.dueAt <= now;
  }

  /** After a detail request: the job is still unfinished, as `activity` shows it. */
  observe(activity: BulkActivity, now: number): void {
    const key = keyOf(activity);
    const before = this.watches.get(key);
    const moved =
      before === undefined ||
      (before.rawStatus !== activity.rawStatus &&
        isKnownActivityStatus(activity.generation, activity.rawStatus));
    const quietRounds = moved ? 0 : before.quietRounds + 1;
    const rawStatus = activity.rawStatus;
    this.watches.set(key, { rawStatus, quietRounds, dueAt: now + nextPollDelay(1, quietRounds) });
  }

  /**
   * The round failed for these jobs' account (offline, server down, …): every job that was due
   * counts as not moving, so a failing account is retried less and less often too, not every 5 s.
   */
  noteFailedRound(unfinished: BulkActivity[], now: number): void {
    for (const activity of unfinished) if (this.isDue(activity, now)) this.observe(activity, now);
  }

  /** The job finished or is gone from the server: nothing more to schedule. */
  forget(activity: BulkActivity): void {
    this.watches.delete(keyOf(activity));
  }

  /** When the next round is worth running for these unfinished jobs: the soonest one due. */
  nextRoundIn(unfinished: BulkActivity[], now: number): number {
    if (unfinished.length === 0) return POLL_IDLE_MS;
    let soonest = Number.POSITIVE_INFINITY;
    for (const activity of unfinished) {
      const dueAt = this.watches.get(keyOf(activity))?.dueAt ?? now;
      soonest = Math.min(soonest, dueAt - now);
    }
    return Math.max(POLL_FAST_MS, soonest);
  }
}

function keyOf(activity: Pick<BulkActivity, "accountId" | "generation" | "activityId">): string {
  return `${activity.accountId}|${activity.generation}|${activity.activityId}`;
}
