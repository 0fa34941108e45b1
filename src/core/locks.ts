/**
 * A leaf module (imports nothing of ours): every Web Lock Mailroom takes, one name builder each,
 * and the one way to hold one. Web Locks span every tab and the service worker of this origin.
 */

/** One sync run per dataset (a send list, an account's activities or campaigns). */
export function syncLockName(dataset: string): string {
  return `mailroom-sync-${dataset}`;
}

/** One pacer decision at a time per application key: its budget is shared by all its users. */
export function paceLockName(appKey: string): string {
  return `mailroom-pace-${appKey}`;
}

/** One token refresh per account and generation: a rotating refresh token is spent once. */
export function refreshLockName(accountId: string, generation: string): string {
  return `mailroom-refresh-${accountId}-${generation}`;
}

/** One round of "Keep all send lists up to date" per account, across the worker and any page. */
export function keepUpLockName(accountId: string): string {
  return `mailroom-keep-up-${accountId}`;
}

/** The one open tab that drives the worker's polling schedule. */
export const POLL_LEADER_LOCK = "mailroom-poll-leader";

/** The platform's Web Locks, where there are any (not in jsdom, Node or old browsers). */
export function platformLocks(): LockManager | undefined {
  // `navigator` exists in pages and workers alike, but not in every test environment.
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/**
 * Runs `task` while holding the exclusive lock `name` of `locks` (sync runs pass their own, tests
 * a fake). Without Web Locks, an in-memory queue still serialises the callers of this page or
 * worker, which is the best that can be done.
 *
 * @example
 * await withLock(platformLocks(), syncLockName(dataset), () => syncOnce(dataset));
 */
export function withLock<T>(
  locks: LockManager | undefined,
  name: string,
  task: () => Promise<T>,
): Promise<T> {
  // lib.dom types the callback's promise as nested; at run time request() resolves to its value.
  // An exclusive lock is the default mode.
  if (locks) return locks.request(name, task) as unknown as Promise<T>;
  return withLocalLock(name, task);
}

const localTails = new Map<string, Promise<unknown>>();

/** The fallback: each caller waits for the previous holder of the same name to settle. */
function withLocalLock<T>(name: string, task: () => Promise<T>): Promise<T> {
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
