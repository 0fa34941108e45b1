import { type Accessor, createEffect, createSignal, on, untrack } from "solid-js";
import { warmSearch } from "../../db";
import { readSendsPage, type SendsCursor, type SendsPage, type SendsQuery } from "../../db/queries/sendsPage";
import { createLiveQuery } from "../primitives/createLiveQuery";

// Paged, not virtualised: see src/db/queries/sendsPage.ts for why. 100 rows fill a desktop screen
// and keep the DOM small on a phone.
export const PAGE_SIZE = 100;

/** The query's identity: a page answered for another query is not this query's page. */
export const queryKey = (q: SendsQuery) =>
  JSON.stringify([q.dataset, q.contains, q.sentFrom, q.sentTo, q.order]);

/**
 * The page of rows the screen shows, read live, with the query it answers: until the new query's
 * page arrives the previous one stays on screen, and what depends on "this query's page" (its
 * count) must not take the previous one for it.
 * @example const rows = createSendsRows(query, cursor); rows.page()?.rows
 */
export function createSendsRows(query: Accessor<SendsQuery>, cursor: Accessor<SendsCursor>) {
  // The first page is read at once, not from the live query's effect, which runs only once the
  // whole screen is built: the read then overlaps the building. The live query starts once this
  // read is done (the two would share IndexedDB) and takes over as soon as it answers; a failure
  // of this read is the live query's too, and shown from there.
  const [early, setEarly] = createSignal<{ key: string; page: SendsPage }>();
  const [started, setStarted] = createSignal(false);
  const [q0, c0] = untrack(() => [query(), cursor()] as const);
  readSendsPage(q0, c0, PAGE_SIZE)
    .then(
      (page) => setEarly({ key: queryKey(q0), page }),
      (error: unknown) => console.warn("Mailroom: the first page waits for the live query", error),
    )
    .finally(() => setStarted(true));
  const answer = createLiveQuery(
    () => (started() ? ([query(), cursor()] as const) : undefined),
    async (deps) => {
      if (!deps) return undefined;
      const [q, c] = deps;
      return { key: queryKey(q), page: await readSendsPage(q, c, PAGE_SIZE) };
    },
  );
  const latest = () => answer.value() ?? early();
  return {
    page: (): SendsPage | undefined => latest()?.page,
    /** This query's page, or undefined while the screen still shows another query's. */
    current: (): SendsPage | undefined => {
      const shown = latest();
      return shown && shown.key === queryKey(query()) ? shown.page : undefined;
    },
    loading: () => latest() === undefined && answer.error() === undefined,
    error: answer.error,
  };
}

/**
 * True from the frame after `ready` first holds. What the screen reads after its first rows (the
 * picture, the count, the search text) starts then: started with the rows, the picture's resource
 * held the route's transition, so the rows were not shown until the picture was drawn.
 */
export function createAfterPaint(ready: Accessor<boolean>): Accessor<boolean> {
  const [painted, setPainted] = createSignal(false);
  createEffect(
    on(ready, (now) => {
      if (now && !painted()) requestAnimationFrame(() => setTimeout(() => setPainted(true)));
    }),
  );
  return painted;
}

/**
 * Whether the list's search text is in memory. It is read once the first rows are on screen (not
 * before: IndexedDB serves requests in order), once per list, so the first search of a large list
 * need not wait for the disk; reading it again after every page would queue behind each search.
 */
export function createSearchWarmup(dataset: Accessor<string>, loading: Accessor<boolean>): Accessor<boolean> {
  const [ready, setReady] = createSignal(false);
  const loaded = () => (loading() ? undefined : dataset());
  createEffect(
    on(loaded, (list, previous) => {
      if (list === undefined || list === previous) return;
      warmSearch(list).then(
        () => setReady(true),
        (error: unknown) => console.warn("Mailroom: could not prepare search", error),
      );
    }),
  );
  return ready;
}
