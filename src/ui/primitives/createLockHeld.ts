import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";

const CHECK_EVERY_MS = 1_000;

/**
 * Whether some tab or worker holds the Web Lock `name`, checked while `when()` is true (and
 * undefined until the first answer). A stored "running" state outlives a closed tab; the lock
 * does not, so this tells a sync that is really running from one that was interrupted.
 * @example const held = createLockHeld(() => syncLockName(dataset), () => state()?.status === "running");
 */
export function createLockHeld(
  name: Accessor<string>,
  when: Accessor<boolean>,
): Accessor<boolean | undefined> {
  const [held, setHeld] = createSignal<boolean | undefined>();
  createEffect(() => {
    if (!when()) return;
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    // Without Web Locks nothing can be known: assume it runs, as before this check existed.
    if (!locks) return setHeld(true);
    const wanted = name();
    let stopped = false;
    const check = async () => {
      const state = await locks.query();
      if (!stopped) setHeld((state.held ?? []).some((lock) => lock.name === wanted));
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    onCleanup(() => {
      stopped = true;
      clearInterval(timer);
    });
  });
  return held;
}
