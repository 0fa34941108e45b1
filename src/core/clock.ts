/**
 * The one clock of Mailroom. Every "now" and every wait in `src/` comes from here, so that a test
 * (or the year-ahead run of the unit suite) that sets the clock reaches auth, sync and the screens
 * alike: a module reading `Date.now()` on its own is how a date bomb is made.
 *
 * A leaf module: it imports nothing of ours, and every layer may import it.
 */
export interface Clock {
  now(): number;
  /** Waits `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The machine's own time and timers. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

let current: Clock = realClock;

/**
 * The clock in force: the real one unless a test set another. Read it at the moment of use (not
 * once at import), so that `setClock` reaches code already loaded.
 */
export const clock: Clock = {
  now: () => current.now(),
  sleep: (ms, signal) => current.sleep(ms, signal),
};

/** Puts `next` in force everywhere; returns the function that restores the previous one. */
export function setClock(next: Clock): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}

/**
 * A signal that aborts with `reason()` once `ms` pass on the one clock (so a test that drives the
 * clock drives the timeout), unless `until` aborts first, which ends the wait and leaves the
 * returned signal as it is: pass the signal of whatever settles the awaited thing.
 *
 * @example
 * const settled = new AbortController();
 * const timeout = abortAfter(20_000, () => new Error("No answer."), settled.signal);
 * timeout.addEventListener("abort", () => reject(timeout.reason));
 * // …on the answer: settled.abort();
 */
export function abortAfter(ms: number, reason: () => unknown, until?: AbortSignal): AbortSignal {
  const controller = new AbortController();
  clock.sleep(ms, until).then(
    () => controller.abort(reason()),
    // `until` ended the wait: what it awaited settled in time, so there is nothing to abort.
    () => undefined,
  );
  return controller.signal;
}
