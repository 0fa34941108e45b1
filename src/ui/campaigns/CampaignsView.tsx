import { For, Show } from "solid-js";
import { campaignsDatasetId, getSyncState } from "../../db";
import { loadCampaignsWithLists } from "../../db/queries/campaigns";
import { loadSyncStates } from "../../db/queries/syncState";
import { ErrorNotice } from "../errors/ErrorNotice";
import { createAutoRefresh } from "../primitives/createAutoRefresh";
import { createLiveList } from "../primitives/createLiveList";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { createOnline } from "../primitives/createOnline";
import { createTask } from "../primitives/createTask";
import { Freshness } from "../shell/Freshness";
import { StaleBanner } from "../shell/StaleBanner";
import { refreshCampaigns } from "../work/sync";
import { CampaignCard } from "./CampaignCard";

/** The sent campaigns of one account with their send lists, freshness and sync controls. */
export function CampaignsView(props: { accountId: string }) {
  const now = createNow(15_000);
  const online = createOnline();
  const list = createLiveList(
    () => props.accountId,
    loadCampaignsWithLists,
    (row) => `${row.campaign.generation}|${row.campaign.campaignId}`,
  );
  const states = createLiveQuery(() => props.accountId, loadSyncStates);
  const state = createLiveQuery(() => campaignsDatasetId(props.accountId), getSyncState);
  const refresh = createTask((signal) => refreshCampaigns(props.accountId, { signal }));
  createAutoRefresh(state, online, () => void refresh.run());
  const storedError = () => (refresh.running() ? undefined : state.value()?.lastError);

  return (
    <>
      <div class="toolbar">
        <Freshness state={state.value()} now={now()} what="Campaigns" onSignedIn={() => void refresh.run()} />
        <button type="button" onClick={() => void refresh.run()} disabled={refresh.running() || !online()}>
          {refresh.running() ? "Refreshing…" : "Refresh campaigns"}
        </button>
      </div>
      <StaleBanner
        state={state.value()}
        now={now()}
        online={online()}
        what="campaigns"
        onRefresh={() => void refresh.run()}
      />
      <Show when={refresh.error() ?? storedError()}>
        {(error) => (
          <ErrorNotice
            error={error()}
            context="campaigns"
            onRetry={online() ? () => void refresh.run() : undefined}
          />
        )}
      </Show>
      <Show when={!list.loading()} fallback={<p class="muted">Reading the cache…</p>}>
        <Show
          when={list.rows.length > 0}
          fallback={
            <section class="panel empty">
              <h2>No sent campaigns cached yet</h2>
              <p>
                {refresh.running()
                  ? "Fetching this account's sent campaigns from Constant Contact…"
                  : online()
                    ? "Refresh campaigns to list the ones this account has sent."
                    : "You are offline: campaigns appear here after the first refresh online."}
              </p>
            </section>
          }
        >
          <ul class="campaign-list">
            <For each={list.rows}>
              {(row) => (
                <CampaignCard row={row} states={states.value() ?? new Map()} now={now()} online={online()} />
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
}
