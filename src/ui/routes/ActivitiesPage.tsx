import { Match, Switch } from "solid-js";
import { createAccounts } from "../primitives/createAccounts";
import { NoAccount } from "../shell/NoAccount";

export function ActivitiesPage() {
  const accounts = createAccounts();
  return (
    <>
      <h1>Bulk activities</h1>
      <Switch>
        <Match when={accounts.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={(accounts.value()?.length ?? 0) === 0}>
          <NoAccount what="your imports, exports and list removals" />
        </Match>
        <Match when={true}>
          <p>No bulk activities cached yet for this account.</p>
        </Match>
      </Switch>
    </>
  );
}
