import { realClock, setClock } from "../../src/core/clock";

/**
 * Puts in force a clock whose waits end only when the test says so (`elapse`), so a 15 s request
 * timeout is tested without waiting 15 s. Time itself reads the real clock.
 */
export function manualWaits() {
  const waiting: { ms: number; end: () => void }[] = [];
  const restore = setClock({
    now: () => realClock.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const wait = { ms, end: resolve };
        waiting.push(wait);
        signal?.addEventListener(
          "abort",
          () => {
            waiting.splice(waiting.indexOf(wait), 1);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
  });
  return {
    /** The lengths of the waits begun and not yet ended, in ms. */
    pending: () => waiting.map((wait) => wait.ms),
    /** Ends every wait of at least `ms` begun so far. */
    elapse(ms: number) {
      for (const wait of waiting.filter((w) => w.ms <= ms)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.end();
      }
    },
    restore,
  };
}
