import { syncLockName, withLock } from "../core/locks";
import { isTerminalStatus, unfinishedActivitiesOf } from "../db/activities";
import type { BulkActivity } from "../db/types";
import { activitiesDatasetId } from "./activities";
import { refreshActivityDetail } from "./activityDetail";
import { openSync, type SyncOptions } from "./context";
import { runRecorded } from "./stop";

/**
 * One poll round: the detail of every held activity that has not reached a terminal state.
 * `finished` holds those that reached one in this round (for a notification).
 */
export async function pollUnfinishedActivities(
  accountId: string,
  options: SyncOptions = {},
): Promise<{ unfinished: number; finished: BulkActivity[] }> {
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
          const fresh = await refreshActivityDetail(ctx, activity.generation, activity.activityId);
          if (fresh && (isTerminalStatus(fresh.status) || fresh.goneFromServer)) {
            if (isTerminalStatus(fresh.status)) finished.push(fresh);
          } else {
            unfinished += 1;
          }
        }
        return { unfinished, finished };
      },
    ),
  );
}
