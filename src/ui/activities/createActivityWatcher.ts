import { type Accessor, createEffect, on } from "solid-js";
import { clock } from "../../core/clock";
import { createPollStatus } from "../pwa/createPollStatus";
import { shouldWakePoller } from "../pwa/wakeForNewJobs";
import { postToWorker } from "../pwa/workerBridge";

/**
 * Whether the unfinished activities of an account are being followed, and the last poll failure
 * for it. The polling itself happens in the service worker (src/sw/poll.ts), woken by the one
 * elected tab: a screen only listens, so ten open screens cost no more requests than one. The one
 * exception: when more unfinished jobs appear than before and the next round is far off (nothing
 * was running), the screen wakes the worker so that the new jobs are followed at once.
 * @example const watcher = createActivityWatcher(() => id, () => counts().unfinished, online);
 */
export function createActivityWatcher(
  accountId: Accessor<string>,
  unfinished: Accessor<number>,
  online: Accessor<boolean>,
): { watching: Accessor<boolean>; error: Accessor<unknown> } {
  const status = createPollStatus();
  createEffect(
    on(unfinished, (after, before) => {
      if (before === undefined || !online() || !shouldWakePoller(before, after, status(), clock.now()))
        return;
      postToWorker({ type: "POLL_NOW", reason: "new-jobs" }).catch((error: unknown) =>
        console.warn("Mailroom: could not wake the service worker", error),
      );
    }),
  );
  const watching = () => unfinished() > 0 && online() && status().paused !== "sign-in-required";
  const error = () => {
    const failure = status().failure;
    if (!failure || failure.accountId !== accountId()) return undefined;
    // ErrorNotice reads `{ kind, message }` as it is; a kind it does not know reads as Mailroom's own failure.
    return failure;
  };
  return { watching, error };
}
