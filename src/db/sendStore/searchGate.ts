/**
 * The searches under way on this page. IndexedDB serves a page's requests in the order they were
 * made, so a warm-up read queued first would delay each step of a search typed meanwhile (its
 * keys, its maps, its texts, its rows): the warm-up waits for searchesDone() between its batches.
 */
let running = 0;
let release: (() => void) | undefined;
let idle: Promise<void> = Promise.resolve();

/** Runs `work` as a search: background reads hold back until it and every other search end. */
export async function asSearch<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0) idle = new Promise((resolve) => (release = resolve));
  try {
    return await work();
  } finally {
    if (--running === 0) release?.();
  }
}

/** Resolves once no search runs (at once when none does). */
export function searchesDone(): Promise<void> {
  return running === 0 ? Promise.resolve() : idle;
}
