import { Match, Switch } from "solid-js";
import { createAccounts } from "../primitives/createAccounts";
import { NoAccount } from "../shell/NoAccount";

export default function CampaignsPage() {
  const accounts = createAccounts();
  return (
    <>
      <h1>Campaigns</h1>
      <Switch>
        <Match when={accounts.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={(accounts.value()?.length ?? 0) === 0}>
          <NoAccount what="your sent campaigns and who they went to" />
        </Match>
        <Match when={true}>
          <p>No campaigns cached yet for this account.</p>
        </Match>
      </Switch>
    </>
  );
}
