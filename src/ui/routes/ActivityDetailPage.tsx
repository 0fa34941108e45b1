import { A, useParams } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import type { Generation } from "../../db";
import { loadActivity } from "../../db/queries/activities";
import { ActivityDetailView } from "../activity/ActivityDetailView";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { NoAccount } from "../shell/NoAccount";

/** `/activities/:generation/:id` of the current account. */
export default function ActivityDetailPage() {
  const params = useParams<{ generation: string; id: string }>();
  const current = createCurrentAccount();
  const generation = (): Generation => (params.generation === "v2" ? "v2" : "v3");
  const activity = createLiveQuery(
    () => [current.id(), generation(), params.id] as const,
    ([accountId, gen, id]) => (accountId && id ? loadActivity(accountId, gen, id) : undefined),
  );
  return (
    <Switch>
      <Match when={current.loading() || (current.id() && activity.loading())}>
        <p class="muted">Reading the cache…</p>
      </Match>
      <Match when={!current.id()}>
        <h1>Bulk activity</h1>
        <NoAccount what="your imports, exports and list removals" />
      </Match>
      <Match when={activity.value()}>{(found) => <ActivityDetailView activity={found()} />}</Match>
      <Match when={true}>
        <h1>Bulk activity not cached</h1>
        <section class="panel empty">
          <p>
            Mailroom holds no {generation()} activity <code>{params.id}</code> for this account. It may belong
            to another account, or not have been fetched yet. <A href="/activities">All activities</A>
          </p>
        </section>
      </Match>
    </Switch>
  );
}
