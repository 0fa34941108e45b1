import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";
import { pollUnfinishedActivities } from "../work/sync";

export const POLL_INTERVAL_MS = 5_000;

/**
 * Polls the unfinished activities of an account while a screen showing them is open, the browser
 * is online and there is something unfinished. Rounds never overlap; a failed round is kept for
 * the screen to show and the next round tries again.
 * @example const watcher = createActivityWatcher(() => id, () => counts().unfinished > 0, online);
 */
export function createActivityWatcher(
  accountId: Accessor<string>,
  hasUnfinished: Accessor<boolean>,
  online: Accessor<boolean>,
): { watching: Accessor<boolean>; error: Accessor<unknown> } {
  const [error, setError] = createSignal<unknown>();
  const watching = () => hasUnfinished() && online();
  createEffect(() => {
    if (!watching()) return;
    const id = accountId();
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const round = async () => {
      try {
        await pollUnfinishedActivities(id, { signal: controller.signal });
        setError(undefined);
      } catch (failure) {
        if (!controller.signal.aborted) setError(() => failure);
      }
      if (!controller.signal.aborted) timer = setTimeout(round, POLL_INTERVAL_MS);
    };
    timer = setTimeout(round, POLL_INTERVAL_MS);
    onCleanup(() => {
      controller.abort();
      clearTimeout(timer);
    });
  });
  return { watching, error };
}
