/**
 * One run per dataset across tabs and the service worker: a second caller waits for the first
 * (and then finds little or nothing left to do). Without Web Locks (tests, old browsers) the
 * caller runs at once; the checkpoint's transaction still keeps the data consistent.
 */
export function exclusive<T>(
  locks: LockManager | undefined,
  name: string,
  task: () => Promise<T>,
): Promise<T> {
  // lib.dom types the callback's promise as nested; at run time request() resolves to its value.
  return locks ? (locks.request(name, task) as unknown as Promise<T>) : task();
}
