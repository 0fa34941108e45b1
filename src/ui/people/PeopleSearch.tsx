import { A } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { PEOPLE_PAGE, searchPeople } from "../../db/people/search";
import { ErrorNotice } from "../errors/ErrorNotice";
import { plural } from "../format/number";
import { TableHead } from "../format/TableHead";
import { TimeText } from "../format/TimeText";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { personHref } from "./personHref";

// Typing "ann" fires one search, not three.
const TYPING_PAUSE_MS = 200;

/** "Email or name contains" → the matching people of every cached send list, a page at a time. */
export function PeopleSearch(props: { accountId: string }) {
  const now = createNow(60_000);
  const [text, setText] = createSignal("");
  const [offset, setOffset] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(on(text, () => setOffset(0), { defer: true }));
  const answer = createLiveQuery(
    () => [props.accountId, text(), offset()] as const,
    ([accountId, query, at]) => (query.trim() === "" ? null : searchPeople(accountId, query, { offset: at })),
  );
  const total = () => answer.value()?.total ?? 0;
  return (
    <section aria-labelledby="people-search-title">
      <h2 id="people-search-title">Find a person</h2>
      <search>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <label class="search">
            Email or name contains
            <input
              type="search"
              autocomplete="off"
              spellcheck={false}
              onInput={(e) => {
                const value = e.currentTarget.value;
                clearTimeout(timer);
                timer = setTimeout(() => setText(value), TYPING_PAUSE_MS);
              }}
            />
          </label>
        </form>
      </search>
      <Show when={answer.error()}>{(error) => <ErrorNotice error={error()} />}</Show>
      <Show when={answer.value()} fallback={<SearchHint text={text()} loading={answer.loading()} />}>
        {(found) => (
          <>
            <p class="row-count" aria-live="polite">
              {plural(found().total, "person", "people")}
            </p>
            <Show when={found().people.length > 0} fallback={<p class="panel empty">Nobody matches.</p>}>
              <div class="table-scroll">
                <table class="data-table people-table">
                  <caption class="visually-hidden">People whose email or name contains “{text()}”</caption>
                  <TableHead columns={["Email", "Name", "Send lists", "Last sent"]} />
                  <tbody>
                    <For each={found().people}>
                      {(person) => (
                        <tr>
                          <td class="email">
                            <A href={personHref(person.folded)}>{person.email}</A>
                          </td>
                          <td>{person.name ?? "—"}</td>
                          <td>{person.lists}</td>
                          <td>
                            <TimeText at={person.lastSentAt} now={now()} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label="Pages of people">
                <button
                  type="button"
                  class="secondary"
                  disabled={offset() === 0}
                  onClick={() => setOffset(Math.max(0, offset() - PEOPLE_PAGE))}
                >
                  ‹ Previous
                </button>
                <button
                  type="button"
                  class="secondary"
                  disabled={offset() + PEOPLE_PAGE >= total()}
                  onClick={() => setOffset(offset() + PEOPLE_PAGE)}
                >
                  Next ›
                </button>
              </nav>
            </Show>
          </>
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
