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
