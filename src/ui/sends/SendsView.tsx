import { createEffect, createSignal, on, Show, Suspense } from "solid-js";
import type { SendsFilter } from "../../db";
import { getSyncState } from "../../db";
import { keyOf, type SendsCursor, type SendsPage, type SendsQuery } from "../../db/queries/sendsPage";
import { ErrorNotice } from "../errors/ErrorNotice";
import { ExportButton } from "../export/ExportButton";
import { plural } from "../format/number";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { createOnline } from "../primitives/createOnline";
import { Freshness } from "../shell/Freshness";
import { StaleBanner } from "../shell/StaleBanner";
import { createSearchTotal } from "./createSearchTotal";
import { createSendsHistogram } from "./createSendsHistogram";
import { createAfterPaint, createSearchWarmup, createSendsRows } from "./createSendsRows";
import { createSendsTotal } from "./createSendsTotal";
import { SendsHistogram } from "./SendsHistogram";
import { SendsPager } from "./SendsPager";
import { SendsSearchForm } from "./SendsSearchForm";
import { SendsTable } from "./SendsTable";

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
  const searching = () => query().contains.trim() !== "";
  // A new filter starts again from its first page.
  createEffect(on(filter, () => setCursor({ kind: "first" }), { defer: true }));
  // IndexedDB serves a database's requests largely in order, and counting a million keys takes
  // seconds: the rows are read first, then the picture (bar by bar), and the count comes from it.
  const rows = createSendsRows(query, cursor);
  const state = createLiveQuery(() => props.dataset, getSyncState);
  const painted = createAfterPaint(() => !rows.loading());
  const searchReady = createSearchWarmup(
    () => props.dataset,
    () => !painted(),
  );
  const histogram = createSendsHistogram(() =>
    !painted() || state.loading()
      ? undefined
      : [props.dataset, `${state.value()?.fetchedAt}|${state.value()?.status}`],
  );
  const histogramReady = () => histogram.state === "ready";
  const browseTotal = createSendsTotal(
    () => (searching() ? undefined : query()),
    state.value,
    () => (histogramReady() ? histogram() : undefined),
    histogramReady,
  );
  const searchTotal = createSearchTotal(query, rows.current);
  const total = () => (searching() ? searchTotal.total() : browseTotal.total());

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
      <SendsSearchForm filter={filter()} onChange={setFilter} ready={searchReady()} />
      <div class="toolbar">
        <ExportButton filter={filter()} campaignName={props.campaignName} label="Export these sends (CSV)" />
        <RowCount total={total()} />
      </div>
      <Show when={rows.error() ?? browseTotal.error() ?? searchTotal.error()}>
        {(error) => <ErrorNotice error={error()} />}
      </Show>
      <Show when={!rows.loading()} fallback={<p class="muted">Reading the cache…</p>}>
        <SendsPageRows page={rows.page()} order={filter().order} onCursor={setCursor} />
      </Show>
    </>
  );
}

/** The page's rows (or "No sends match.") and the pager that moves from them. */
function SendsPageRows(props: {
  page: SendsPage | undefined;
  order: "asc" | "desc";
  onCursor: (cursor: SendsCursor) => void;
}) {
  const rows = () => props.page?.rows ?? [];
  const edge = (i: number) => rows()[i < 0 ? rows().length - 1 : i];
  return (
    <>
      <Show when={rows().length > 0} fallback={<p class="panel empty">No sends match.</p>}>
        <SendsTable rows={rows()} caption={`Sends, ${props.order === "asc" ? "oldest" : "newest"} first`} />
      </Show>
      <SendsPager
        hasPrevious={props.page?.hasPrevious ?? false}
        hasNext={props.page?.hasNext ?? false}
        onFirst={() => props.onCursor({ kind: "first" })}
        onLast={() => props.onCursor({ kind: "last" })}
        onPrevious={() => {
          const first = edge(0);
          if (first) props.onCursor({ kind: "before", key: keyOf(first) });
        }}
        onNext={() => {
          const last = edge(-1);
          if (last) props.onCursor({ kind: "after", key: keyOf(last) });
        }}
      />
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
