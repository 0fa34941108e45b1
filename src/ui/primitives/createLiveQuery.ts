import { liveQuery } from "dexie";
import { type Accessor, createEffect, createSignal, on, onCleanup } from "solid-js";

export interface LiveQuery<T> {
  /** The latest result; undefined until the first answer. */
  value: Accessor<T | undefined>;
  /** The latest failure of the query, shown by the caller (never swallowed). */
  error: Accessor<unknown>;
  /** True until the first answer or failure. */
  loading: Accessor<boolean>;
}

/**
 * Subscribes to a Dexie live query for as long as the calling owner lives. `deps` is tracked:
 * when it changes, the query is re-subscribed with the new value. The query itself is not tracked,
 * so reading signals inside it does nothing: pass them through `deps`.
 * @example const count = createLiveQuery(accountId, (id) => db().activities.where({ accountId: id }).count());
 */
export function createLiveQuery<D, T>(deps: Accessor<D>, query: (deps: D) => T | Promise<T>): LiveQuery<T> {
  const [value, setValue] = createSignal<T>();
  const [error, setError] = createSignal<unknown>();
  const [loading, setLoading] = createSignal(true);
  createEffect(
    on(deps, (current) => {
      const subscription = liveQuery(() => query(current)).subscribe({
        next: (result) => {
          setValue(() => result);
          setError(undefined);
          setLoading(false);
        },
        error: (failure) => {
          setError(() => failure);
          setLoading(false);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    }),
  );
  return { value, error, loading };
}
