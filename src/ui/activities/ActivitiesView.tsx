import { createMemo, createSignal, For, Show } from "solid-js";
import { activitiesDatasetId, getSyncState } from "../../db";
import { loadActivities } from "../../db/queries/activities";
import { ErrorNotice } from "../errors/ErrorNotice";
import { createAutoRefresh } from "../primitives/createAutoRefresh";
import { createLiveList } from "../primitives/createLiveList";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { createOnline } from "../primitives/createOnline";
import { createTask } from "../primitives/createTask";
import { CheckNowButton } from "../pwa/CheckNowButton";
import { Freshness } from "../shell/Freshness";
import { StaleBanner } from "../shell/StaleBanner";
import { refreshActivities } from "../work/sync";
import { ActivityCard } from "./ActivityCard";
import { ActivityFilters } from "./ActivityFilters";
import { countByStatus, matchesActivityFilter, NO_FILTER, STATUSES } from "./activityFilter";
import { createActivityWatcher } from "./createActivityWatcher";
import { StatusCounts } from "./StatusCounts";

/** The bulk activities of one account: filters, counts, freshness, refresh, and the list. */
export function ActivitiesView(props: { accountId: string }) {
  const accountId = () => props.accountId;
  const now = createNow(15_000);
  const online = createOnline();
  const list = createLiveList(accountId, loadActivities, (a) => `${a.generation}|${a.activityId}`);
  const state = createLiveQuery(() => activitiesDatasetId(props.accountId), getSyncState);
  const refresh = createTask((signal) => refreshActivities(props.accountId, { signal }));
  createAutoRefresh(state, online, () => void refresh.run());

  const [filter, setFilter] = createSignal(NO_FILTER);
  const counts = createMemo(() => countByStatus(list.rows));
  const types = createMemo(() => [...new Set(list.rows.map((a) => a.type))].sort());
  const shown = createMemo(() => list.rows.filter((a) => matchesActivityFilter(a, filter())));
  const watcher = createActivityWatcher(accountId, () => counts().unfinished, online);
  const storedError = () => (refresh.running() ? undefined : state.value()?.lastError);

  return (
    <>
      <div class="toolbar">
        <Freshness
          state={state.value()}
          now={now()}
          what="Activities"
          onSignedIn={() => void refresh.run()}
        />
        <button type="button" onClick={() => void refresh.run()} disabled={refresh.running() || !online()}>
          {refresh.running() ? "Refreshing…" : "Refresh"}
        </button>
        <Show when={counts().unfinished > 0}>
          <CheckNowButton />
        </Show>
      </div>
      <StaleBanner
        state={state.value()}
        now={now()}
        online={online()}
        what="activities"
        onRefresh={() => void refresh.run()}
      />
      <Show when={refresh.error() ?? storedError()}>
        {(error) => (
          <ErrorNotice
            error={error()}
            context="activities"
            onRetry={online() ? () => void refresh.run() : undefined}
          />
        )}
      </Show>
      <Show when={watcher.error()}>
        {(error) => <ErrorNotice error={error()} context="activities" compact />}
      </Show>
      <Show when={!list.loading()} fallback={<p class="muted">Reading the cache…</p>}>
        <Show
          when={list.rows.length > 0}
          fallback={<NoActivitiesYet refreshing={refresh.running()} online={online()} />}
        >
          <ActivityFilters filter={filter()} counts={counts()} types={types()} onChange={setFilter} />
          <StatusCounts counts={counts()} statuses={STATUSES} />
          <p class="muted" aria-live="polite">
            Showing {shown().length} of {list.rows.length}
          </p>
          <ul class="activity-list">
            <For each={shown()}>
              {(activity) => <ActivityCard activity={activity} now={now()} watching={watcher.watching()} />}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
}

/** The empty list says why it is empty and what brings activities. */
function NoActivitiesYet(props: { refreshing: boolean; online: boolean }) {
  return (
    <section class="panel empty">
      <h2>No bulk activities cached yet</h2>
      <p>
        {props.refreshing
          ? "Fetching this account's activities from Constant Contact…"
          : props.online
            ? "Refresh to fetch this account's imports, exports and list removals."
            : "You are offline: activities appear here after the first refresh online."}
      </p>
    </section>
  );
}
