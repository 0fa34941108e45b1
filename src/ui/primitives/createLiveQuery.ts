import { liveQuery } from "dexie";
import { type Accessor, createEffect, createSignal, on, onCleanup } from "solid-js";

export interface LiveQuery<T> {
  /**
   * The latest result; undefined until the first answer. While the latest answer is a failure,
   * reading it throws that failure to the nearest `ErrorBoundary` (src/ui/errors/ScreenErrorBoundary.tsx),
   * whose "Try again" renders the screen anew and so subscribes again.
   */
  value: Accessor<T | undefined>;
  /**
   * The latest failure, without throwing it: for a caller that shows it itself. A caller that
   * reads `value()` needs no more: the boundary shows the failure.
   */
  error: Accessor<unknown>;
  /** True until the first answer or failure. */
  loading: Accessor<boolean>;
}

type Answer<T> =
  | { status: "loading" }
  | { status: "answered"; value: T }
  | { status: "failed"; error: unknown };

/**
 * Subscribes to a Dexie live query for as long as the calling owner lives. `deps` is tracked:
 * when it changes, the query is re-subscribed with the new value. The query itself is not tracked,
 * so reading signals inside it does nothing: pass them through `deps`. A failing query throws
 * from `value()` to the nearest `ErrorBoundary`, as solid-dexie and dexie-react-hooks do.
 * @example
 * const count = createLiveQuery(accountId, (id) => db().activities.where({ accountId: id }).count());
 * <ScreenErrorBoundary><p>{count.value()} activities</p></ScreenErrorBoundary>
 */
export function createLiveQuery<D, T>(deps: Accessor<D>, query: (deps: D) => T | Promise<T>): LiveQuery<T> {
  const [answer, setAnswer] = createSignal<Answer<T>>({ status: "loading" });
  createEffect(
    on(deps, (current) => {
      const subscription = liveQuery(() => query(current)).subscribe({
        next: (result) => setAnswer({ status: "answered", value: result }),
        error: (failure) => setAnswer({ status: "failed", error: failure }),
      });
      onCleanup(() => subscription.unsubscribe());
    }),
  );
  const value = () => {
    const latest = answer();
    if (latest.status === "failed") throw latest.error;
    return latest.status === "answered" ? latest.value : undefined;
  };
  const error = () => {
    const latest = answer();
    return latest.status === "failed" ? latest.error : undefined;
  };
  return { value, error, loading: () => answer().status === "loading" };
}
