/**
 * Lets the page paint and take input between slices of a long scan, so a search over a million
 * sends never holds the main thread for a long task (50 ms). A message, not a timer: nested
 * timers are clamped to 4 ms and throttled in background tabs.
 */
export function pause(): Promise<void> {
  if (typeof MessageChannel === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** A slice of work lasts at most this long before pausing. */
export const SLICE_MS = 8;

type PostTask = (task: () => void, options: { priority: "background" }) => Promise<void>;

/**
 * Like pause, but for work nobody waits for (the search text's maps): in Chromium the rest of the
 * slice waits for a background-priority task, so a search typed meanwhile, whose own pauses are
 * ordinary tasks, runs first instead of sharing the thread with it. Elsewhere, an ordinary pause.
 */
export function backgroundPause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask !== "function") return pause();
  return scheduler.postTask(() => {}, { priority: "background" });
}
