import { type Accessor, createEffect, on } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { createLiveQuery, type LiveQuery } from "./createLiveQuery";

export interface LiveList<T> extends Omit<LiveQuery<T[]>, "value"> {
  /** The rows, as a store: a re-run that changes one row re-renders only that row. */
  rows: T[];
}

/**
 * A live query whose answer is a list, kept in a store reconciled by `key`, so that a sync writing
 * one row does not rebuild every row of a table (it would lose focus and scroll position). A
 * failing query throws to the nearest `ErrorBoundary`, as `createLiveQuery`'s `value()` does.
 * @example const list = createLiveList(accountId, (id) => loadActivities(id), (a) => a.activityId);
 */
export function createLiveList<D, T extends object>(
  deps: Accessor<D>,
  query: (deps: D) => T[] | Promise<T[]>,
  key: (row: T) => string,
): LiveList<T> {
  const live = createLiveQuery(deps, query);
  const [rows, setRows] = createStore<{ list: T[] }>({ list: [] });
  createEffect(
    on(live.value, (next) => {
      if (next === undefined) return;
      // reconcile's `key` option takes a property name; a derived key is attached as `__key`.
      const keyed = next.map((row) => Object.assign({}, row, { __key: key(row) }));
      setRows("list", reconcile(keyed, { key: "__key" }));
    }),
  );
  return {
    get rows() {
      return rows.list;
    },
    error: live.error,
    loading: live.loading,
  };
}
