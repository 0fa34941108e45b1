import { For } from "solid-js";
import type { SyncState } from "../../db";
import type { CampaignWithLists } from "../../db/queries/campaigns";
import { TimeText } from "../format/TimeText";
import { SendListRow } from "./SendListRow";

/** A campaign with its send lists. */
export function CampaignCard(props: {
  row: CampaignWithLists;
  states: Map<string, SyncState>;
  now: number;
  online: boolean;
}) {
  const c = () => props.row.campaign;
  return (
    <li class="campaign-card">
      <h2 class="campaign-name">{c().name}</h2>
      <p class="muted">
        <span class="badge generation">{c().generation}</span> {c().status}
        {" · last sent "}
        <TimeText at={c().lastRunAt ?? c().updatedAt} now={props.now} />
      </p>
      <ul class="send-lists">
        <For each={props.row.sendLists}>
          {(list) => (
            <SendListRow
              list={list}
              state={props.states.get(list.dataset)}
              now={props.now}
              online={props.online}
              campaignName={c().name}
            />
          )}
        </For>
      </ul>
    </li>
  );
}
