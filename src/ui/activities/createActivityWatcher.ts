import type { Accessor } from "solid-js";
import { createPollStatus } from "../pwa/createPollStatus";

/**
 * Whether the unfinished activities of an account are being followed, and the last poll failure
 * for it. The polling itself happens in the service worker (src/sw/poll.ts), woken by the one
 * elected tab: a screen only listens, so ten open screens cost no more requests than one.
 * @example const watcher = createActivityWatcher(() => id, () => counts().unfinished > 0, online);
 */
export function createActivityWatcher(
  accountId: Accessor<string>,
  hasUnfinished: Accessor<boolean>,
  online: Accessor<boolean>,
): { watching: Accessor<boolean>; error: Accessor<unknown> } {
  const status = createPollStatus();
  const watching = () => hasUnfinished() && online() && status().paused !== "sign-in-required";
  const error = () => {
    const failure = status().failure;
    if (!failure || failure.accountId !== accountId()) return undefined;
    // ErrorNotice reads `{ kind, message }` as it is; an unknown kind reads as "Something went wrong".
    return failure;
  };
  return { watching, error };
}
