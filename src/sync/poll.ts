import { syncLockName, withLock } from "../core/locks";
import { isTerminalStatus, unfinishedActivitiesOf } from "../db/activities";
import { activitiesDatasetId } from "../db/datasets";
import type { BulkActivity } from "../db/types";
import { refreshActivityDetail } from "./activityDetail";
import { openSync, type SyncOptions } from "./context";
import type { JobBackoff } from "./jobBackoff";
import { runRecorded } from "./stop";

export interface PollOptions extends SyncOptions {
  /** The poller's per-job back-off: jobs not yet due are skipped this round (see jobBackoff.ts). */
  backoff?: JobBackoff;
}

/**
 * One poll round: the detail of every held activity that has not reached a terminal state (and,
 * with a back-off, is due). `finished` holds those that reached one in this round (for a
 * notification); `unfinished` counts every unfinished job, polled this round or not.
 */
export async function pollUnfinishedActivities(
  accountId: string,
  options: PollOptions = {},
): Promise<{ unfinished: number; finished: BulkActivity[] }> {
  const backoff = options.backoff;
  const ctx = await openSync(accountId, options);
  const base = { dataset: activitiesDatasetId(accountId), accountId, kind: "activities" as const };
  return withLock(ctx.deps.locks, syncLockName(base.dataset), () =>
    runRecorded(
      base,
      () => ctx.deps.clock.now(),
      options.signal,
      async () => {
        const pending = (await unfinishedActivitiesOf(accountId)).filter((a) =>
          ctx.account.generations.includes(a.generation),
        );
        const finished: BulkActivity[] = [];
        let unfinished = 0;
        for (const activity of pending) {
          if (backoff && !backoff.isDue(activity, ctx.deps.clock.now())) {
            unfinished += 1;
            continue;
          }
          const fresh = await refreshActivityDetail(ctx, activity.generation, activity.activityId);
          if (fresh && (isTerminalStatus(fresh.status) || fresh.goneFromServer)) {
            if (isTerminalStatus(fresh.status)) finished.push(fresh);
            backoff?.forget(fresh);
          } else {
            unfinished += 1;
            backoff?.observe(fresh ?? activity, ctx.deps.clock.now());
          }
        }
        return { unfinished, finished };
      },
    ),
  );
}
