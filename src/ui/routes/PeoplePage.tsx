import { Match, Switch } from "solid-js";
import { PeopleView } from "../people/PeopleView";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { NoAccount } from "../shell/NoAccount";

/** `/people`: who got what, across every cached send list of the current account. */
export default function PeoplePage() {
  const current = createCurrentAccount();
  return (
    <>
      <h1>People</h1>
      <Switch>
        <Match when={current.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={current.id()}>{(id) => <PeopleView accountId={id()} />}</Match>
        <Match when={true}>
          <NoAccount what="who received which campaigns" />
        </Match>
      </Switch>
    </>
  );
}
