import { A, useParams } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { PersonHistoryView } from "../people/PersonHistoryView";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { NoAccount } from "../shell/NoAccount";

/** The route param arrives encoded or not depending on how the page was reached. */
function decodeEmail(raw: string): string {
  try {
    return raw.includes("%") ? decodeURIComponent(raw) : raw;
  } catch {
    // Not valid percent-encoding: it was already decoded and holds a literal "%".
    return raw;
  }
}

/** `/people/:email/history`: every cached campaign sent to one address, newest first. */
export default function PersonPage() {
  const params = useParams<{ email: string }>();
  const email = () => decodeEmail(params.email);
  const current = createCurrentAccount();
  return (
    <>
      <p>
        <A href="/people">← People</A>
      </p>
      <h1>
        History of <span class="email">{email()}</span>
      </h1>
      <Switch>
        <Match when={current.loading()}>
          <p class="muted">Reading the cache…</p>
        </Match>
        <Match when={current.id()}>{(id) => <PersonHistoryView accountId={id()} email={email()} />}</Match>
        <Match when={true}>
          <NoAccount what="who received which campaigns" />
        </Match>
      </Switch>
    </>
  );
}
