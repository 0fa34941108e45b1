import { A, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { loadSendListTitle } from "../../db/queries/campaigns";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { SendsView } from "../sends/SendsView";

/** The route param arrives encoded or not depending on how the page was reached. */
function decodeDataset(raw: string): string {
  try {
    return raw.includes("%") ? decodeURIComponent(raw) : raw;
  } catch {
    // Not valid percent-encoding: it was already decoded and holds a literal "%".
    return raw;
  }
}

/** `/campaigns/:dataset/sends`: who one campaign (or one v3 campaign activity) went to. */
export default function SendsPage() {
  const params = useParams<{ dataset: string }>();
  const dataset = () => decodeDataset(params.dataset);
  const title = createLiveQuery(dataset, loadSendListTitle);
  return (
    <>
      <p>
        <A href="/campaigns">← Campaigns</A>
      </p>
      <h1>
        Sends
        <Show when={title.value()}>{(name) => <> of {name()}</>}</Show>
      </h1>
      <Show keyed when={dataset()}>
        {(id) => <SendsView dataset={id} campaignName={title.value()} />}
      </Show>
    </>
  );
}
