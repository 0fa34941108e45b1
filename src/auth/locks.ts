/**
 * Runs `task` while holding an exclusive lock named `name`. Web Locks make the lock span every tab
 * and the service worker of this origin; where they are missing (old browsers, jsdom), an
 * in-memory queue still serialises callers of this page, which is the best that can be done.
 */
export async function withExclusiveLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  // `navigator` exists in pages and workers alike, but not in every test environment.
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return await locks.request(name, { mode: "exclusive" }, task);
  return withLocalLock(name, task);
}

const localTails = new Map<string, Promise<unknown>>();

/** The fallback: each caller waits for the previous holder of the same name to settle. */
export function withLocalLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = localTails.get(name) ?? Promise.resolve();
  // The next caller waits for this one whether it succeeds or fails; the failure itself still
  // reaches this caller through `result`.
  const result = previous.then(task, task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  localTails.set(name, tail);
  void tail.then(() => {
    if (localTails.get(name) === tail) localTails.delete(name);
  });
  return result;
}

export function refreshLockName(accountId: string, generation: string): string {
  return `mailroom-refresh-${accountId}-${generation}`;
}
