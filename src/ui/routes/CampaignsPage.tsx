import { Match, Switch } from "solid-js";
import { CampaignsView } from "../campaigns/CampaignsView";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { NoAccount } from "../shell/NoAccount";

export default function CampaignsPage() {
  const current = createCurrentAccount();
  return (
    <>
      <h1>Campaigns</h1>
      <Switch>
        <Match when={current.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={current.id()}>{(id) => <CampaignsView accountId={id()} />}</Match>
        <Match when={true}>
          <NoAccount what="your sent campaigns and who they went to" />
        </Match>
      </Switch>
    </>
  );
}
