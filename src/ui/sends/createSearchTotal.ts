import { type Accessor, createEffect, createSignal, on } from "solid-js";
import { countMatchingSends, type SendsPage, type SendsQuery } from "../../db/queries/sendsPage";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { queryKey } from "./createSendsRows";

/**
 * How many sends a search selects: its first page's own count when that page found every match,
 * else counted on its own once the page is on screen (not before: the page is what the user waits
 * for, and both would read the same text). Undefined ("Counting…") until this query's count is
 * known: a count of the previous query is never shown for this one.
 * @example const total = createSearchTotal(query, rows.current);
 */
export function createSearchTotal(
  query: Accessor<SendsQuery>,
  page: Accessor<SendsPage | undefined>,
): { total: Accessor<number | undefined>; error: Accessor<unknown> } {
  const searching = () => query().contains.trim() !== "";
  // The count starts once the page's rows are painted: begun at once, its scan took the frames
  // the rows were waiting for.
  const [painted, setPainted] = createSignal<string>();
  createEffect(
    on(page, (shown) => {
      if (!shown || shown.total !== undefined) return;
      const key = queryKey(query());
      requestAnimationFrame(() => setTimeout(() => setPainted(key)));
    }),
  );
  const counted = createLiveQuery(
    () => {
      const shown = page();
      const due = shown && shown.total === undefined && painted() === queryKey(query());
      return searching() && due ? query() : undefined;
    },
    async (q) => (q ? { key: queryKey(q), total: await countMatchingSends(q) } : undefined),
  );
  return {
    total: () => {
      const own = page()?.total;
      if (own !== undefined) return own;
      const latest = counted.value();
      return latest && latest.key === queryKey(query()) ? latest.total : undefined;
    },
    error: counted.error,
  };
}
