import { Match, Switch } from "solid-js";
import { ActivitiesView } from "../activities/ActivitiesView";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { NoAccount } from "../shell/NoAccount";

export function ActivitiesPage() {
  const current = createCurrentAccount();
  return (
    <>
      <h1>Bulk activities</h1>
      <Switch>
        <Match when={current.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={current.id()}>{(id) => <ActivitiesView accountId={id()} />}</Match>
        <Match when={true}>
          <NoAccount what="your imports, exports and list removals" />
        </Match>
      </Switch>
    </>
  );
}
