// The worker's first poll round (activity list, then v2 details at 4/s) outlives the tab that
// started it; a measured section waits for it to end so it counts only its own requests.

/** Resolves once `count` has not moved for 3 s (at most a minute). */
export async function untilQuiet(count: () => number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = count();
  let stillSince = Date.now();
  while (Date.now() - stillSince < 3_000 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (count() !== last) {
      last = count();
      stillSince = Date.now();
    }
  }
}
