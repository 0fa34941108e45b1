import { type Accessor, createSignal } from "solid-js";

export interface Task<A extends unknown[]> {
  /** Starts the work unless it is already running (a second click does not start a second run). */
  run: (...args: A) => Promise<void>;
  running: Accessor<boolean>;
  /** The failure of the last run, shown by the caller; cleared when a run starts. */
  error: Accessor<unknown>;
  /** Aborts the running work through its AbortSignal; a cancelled run is not an error. */
  cancel: () => void;
}

/**
 * One piece of work started by a button (refresh, sync, download), with its running state, its
 * failure and a cancel.
 * @example const refresh = createTask((signal) => refreshActivities(id, { signal })); <button onClick={() => refresh.run()}>
 */
export function createTask<A extends unknown[]>(
  work: (signal: AbortSignal, ...args: A) => Promise<unknown>,
): Task<A> {
  const [running, setRunning] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  let controller: AbortController | undefined;
  const run = async (...args: A) => {
    if (running()) return;
    const own = new AbortController();
    controller = own;
    setError(undefined);
    setRunning(true);
    try {
      await work(own.signal, ...args);
    } catch (failure) {
      if (!own.signal.aborted) setError(() => failure);
    } finally {
      setRunning(false);
    }
  };
  return { run, running, error, cancel: () => controller?.abort() };
}
