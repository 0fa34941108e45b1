import { createEffect, createSignal, on, Show } from "solid-js";
import { searchPeople } from "../../db/people/search";
import { ErrorNotice } from "../errors/ErrorNotice";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { ContainsField } from "../search/ContainsField";
import { PeopleResults } from "./PeopleResults";

/** "Email or name contains" → the matching people of every cached send list, a page at a time. */
export function PeopleSearch(props: { accountId: string }) {
  const now = createNow(60_000);
  const [text, setText] = createSignal("");
  const [offset, setOffset] = createSignal(0);
  createEffect(on(text, () => setOffset(0), { defer: true }));
  const answer = createLiveQuery(
    () => [props.accountId, text(), offset()] as const,
    ([accountId, query, at]) => (query.trim() === "" ? null : searchPeople(accountId, query, { offset: at })),
  );
  return (
    <section aria-labelledby="people-search-title">
      <h2 id="people-search-title">Find a person</h2>
      <search>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <ContainsField onSettled={setText} />
        </form>
      </search>
      <Show when={answer.error()}>{(error) => <ErrorNotice error={error()} />}</Show>
      <Show when={answer.value()} fallback={<SearchHint text={text()} loading={answer.loading()} />}>
        {(found) => (
          <PeopleResults found={found()} text={text()} offset={offset()} now={now()} onOffset={setOffset} />
        )}
      </Show>
    </section>
  );
}

function SearchHint(props: { text: string; loading: boolean }) {
  return (
    <p class="muted">
      {props.text.trim() !== "" && props.loading
        ? "Searching…"
        : "Type any part of an address or a name: case and accents do not matter."}
    </p>
  );
}
