import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { CompareQuestion } from "../../db/people/compare";
import type { ListChoice } from "../../db/queries/people";
import { type CompareDraft, compareProblem, questionOf } from "./compareDraft";

const QUESTIONS: { kind: CompareDraft["kind"]; label: string }[] = [
  { kind: "aNotB", label: "Received A but not B" },
  { kind: "all", label: "Received all of them" },
  { kind: "any", label: "Received any of them" },
  { kind: "atLeast", label: "Received at least N of them between two dates" },
];

/** The question and its send lists; says what is missing instead of running a question that cannot be answered. */
export function CompareForm(props: {
  choices: ListChoice[];
  running: boolean;
  onCompare(q: CompareQuestion): void;
}) {
  const [draft, setDraft] = createSignal<CompareDraft>({
    kind: "aNotB",
    a: "",
    b: "",
    lists: [],
    n: 2,
    from: "",
    to: "",
  });
  const [problem, setProblem] = createSignal<string>();
  const set = (patch: Partial<CompareDraft>) => {
    setProblem(undefined);
    setDraft({ ...draft(), ...patch });
  };
  const toggle = (dataset: string, on: boolean) =>
    set({ lists: on ? [...draft().lists, dataset] : draft().lists.filter((d) => d !== dataset) });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const wrong = compareProblem(draft());
    setProblem(wrong);
    if (!wrong) props.onCompare(questionOf(draft()));
  };
  const listSelect = (label: string, value: () => string, onChange: (v: string) => void) => (
    <label>
      {label}
      <select value={value()} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose a send list</option>
        <For each={props.choices}>{(choice) => <option value={choice.dataset}>{choice.label}</option>}</For>
      </select>
    </label>
  );
  return (
    <form class="filters compare-form" onSubmit={submit} novalidate>
      <label>
        Question
        <select
          value={draft().kind}
          onChange={(e) => set({ kind: e.currentTarget.value as CompareDraft["kind"] })}
        >
          <For each={QUESTIONS}>{(q) => <option value={q.kind}>{q.label}</option>}</For>
        </select>
      </label>
      <Switch>
        <Match when={draft().kind === "aNotB"}>
          {listSelect(
            "Send list A (received)",
            () => draft().a,
            (a) => set({ a }),
          )}
          {listSelect(
            "Send list B (not received)",
            () => draft().b,
            (b) => set({ b }),
          )}
        </Match>
        <Match when={true}>
          <fieldset class="compare-lists">
            <legend>Send lists</legend>
            <For each={props.choices}>
              {(choice) => (
                <label>
                  <input
                    type="checkbox"
                    checked={draft().lists.includes(choice.dataset)}
                    onChange={(e) => toggle(choice.dataset, e.currentTarget.checked)}
                  />{" "}
                  {choice.label}
                </label>
              )}
            </For>
          </fieldset>
        </Match>
      </Switch>
      <Show when={draft().kind === "atLeast"}>
        <label>
          At least (lists)
          <input
            type="number"
            min="1"
            value={draft().n}
            onInput={(e) => set({ n: Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          Sent from (day)
          <input type="date" value={draft().from} onChange={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          Sent until (day, included)
          <input type="date" value={draft().to} onChange={(e) => set({ to: e.currentTarget.value })} />
        </label>
      </Show>
      <button type="submit" disabled={props.running}>
        Compare
      </button>
      <Show when={problem()}>
        {(text) => (
          <p class="warn-text" role="alert">
            {text()}
          </p>
        )}
      </Show>
    </form>
  );
}
