import { createEffect, createSignal, on, Show, Suspense } from "solid-js";
import type { SendsFilter } from "../../db";
import { getSyncState, warmSearch } from "../../db";
import {
  countMatchingSends,
  keyOf,
  readSendsPage,
  type SendsCursor,
  type SendsQuery,
} from "../../db/queries/sendsPage";
import { ErrorNotice } from "../errors/ErrorNotice";
import { ExportButton } from "../export/ExportButton";
import { plural } from "../format/number";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { createOnline } from "../primitives/createOnline";
import { Freshness } from "../shell/Freshness";
import { StaleBanner } from "../shell/StaleBanner";
import { createSendsHistogram } from "./createSendsHistogram";
import { createSendsTotal } from "./createSendsTotal";
import { SendsHistogram } from "./SendsHistogram";
import { SendsPager } from "./SendsPager";
import { SendsSearchForm } from "./SendsSearchForm";
import { SendsTable } from "./SendsTable";

// Paged, not virtualised: see src/db/queries/sendsPage.ts for why. 100 rows fill a desktop screen
// and keep the DOM small on a phone.
export const PAGE_SIZE = 100;

/** One send list: the when-it-went-out picture, search, count, pages of rows, export. */
export function SendsView(props: { dataset: string; campaignName?: string }) {
  const now = createNow(30_000);
  const online = createOnline();
  const [filter, setFilter] = createSignal<SendsFilter>({ datasets: [props.dataset], order: "desc" });
  const [cursor, setCursor] = createSignal<SendsCursor>({ kind: "first" });
  const query = (): SendsQuery => ({
    ...filter(),
    dataset: props.dataset,
    contains: filter().contains ?? "",
  });
  // A new filter starts again from its first page.
  createEffect(on(filter, () => setCursor({ kind: "first" }), { defer: true }));
  // IndexedDB serves a database's requests largely in order, and counting a million keys takes
  // seconds: the rows are read first, then the picture (bar by bar), and the count comes from it.
  const page = createLiveQuery(
    () => [query(), cursor()] as const,
    ([q, c]) => readSendsPage(q, c, PAGE_SIZE),
  );
  const state = createLiveQuery(() => props.dataset, getSyncState);
  // Once the first rows are on screen (not before: IndexedDB serves requests in order), the list's
  // search text is read into memory, so the first search of a large list need not wait for it.
  createEffect(
    on([() => props.dataset, () => page.loading()], ([dataset, loading]) => {
      if (!loading) {
        warmSearch(dataset).catch((error: unknown) =>
          console.warn("Mailroom: could not prepare search", error),
        );
      }
    }),
  );
  const histogram = createSendsHistogram(() =>
    page.loading() || state.loading()
      ? undefined
      : [props.dataset, `${state.value()?.fetchedAt}|${state.value()?.status}`],
  );
  const histogramReady = () => histogram.state === "ready";
  const browseTotal = createSendsTotal(
    () => (query().contains.trim() === "" ? query() : undefined),
    state.value,
    () => (histogramReady() ? histogram() : undefined),
    histogramReady,
  );
  // A search's first page may come before its count: the count is then read on its own.
  const searchTotal = createLiveQuery(
    () =>
      query().contains.trim() !== "" && !page.loading() && page.value()?.total === undefined
        ? query()
        : undefined,
    (q) => (q ? countMatchingSends(q) : undefined),
  );
  const total = () =>
    query().contains.trim() === "" ? browseTotal.total() : (page.value()?.total ?? searchTotal.value());
  const rows = () => page.value()?.rows ?? [];
  const edge = (i: number) => rows()[i < 0 ? rows().length - 1 : i];

  return (
    <>
      <div class="toolbar">
        <Freshness state={state.value()} now={now()} what="Sends" />
      </div>
      <StaleBanner state={state.value()} now={now()} online={online()} what="sends" />
      <Show when={state.value()?.lastError}>
        {(error) => <ErrorNotice error={error()} context="sends" />}
      </Show>
      <Suspense fallback={<p class="muted">Drawing when the mailing went out…</p>}>
        <Show when={!histogram.error && histogram()} keyed>
          {(drawn) => <SendsHistogram histogram={drawn} />}
        </Show>
      </Suspense>
      <Show when={histogram.error}>{(error) => <ErrorNotice error={error()} compact />}</Show>
      <SendsSearchForm filter={filter()} onChange={setFilter} />
      <div class="toolbar">
        <ExportButton filter={filter()} campaignName={props.campaignName} label="Export these sends (CSV)" />
        <RowCount total={total()} />
      </div>
      <Show when={page.error() ?? browseTotal.error() ?? searchTotal.error()}>
        {(error) => <ErrorNotice error={error()} />}
      </Show>
      <Show when={!page.loading()} fallback={<p class="muted">Reading the cache…</p>}>
        <Show when={rows().length > 0} fallback={<p class="panel empty">No sends match.</p>}>
          <SendsTable
            rows={rows()}
            caption={`Sends, ${filter().order === "asc" ? "oldest" : "newest"} first`}
          />
        </Show>
        <SendsPager
          hasPrevious={page.value()?.hasPrevious ?? false}
          hasNext={page.value()?.hasNext ?? false}
          onFirst={() => setCursor({ kind: "first" })}
          onLast={() => setCursor({ kind: "last" })}
          onPrevious={() => {
            const first = edge(0);
            if (first) setCursor({ kind: "before", key: keyOf(first) });
          }}
          onNext={() => {
            const last = edge(-1);
            if (last) setCursor({ kind: "after", key: keyOf(last) });
          }}
        />
      </Show>
    </>
  );
}

/** How many sends the search selects, said to screen readers as it changes. */
function RowCount(props: { total: number | undefined }) {
  return (
    <p class="row-count" aria-live="polite">
      <Show when={props.total !== undefined} fallback="Counting…">
        {plural(props.total ?? 0, "send")}
      </Show>
    </p>
  );
}
