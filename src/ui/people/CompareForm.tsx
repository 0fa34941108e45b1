import { createSignal, For, Show } from "solid-js";
import type { CompareQuestion } from "../../db/people/compare";
import type { ListChoice } from "../../db/queries/people";
import { CompareLists, CompareWindow } from "./CompareFields";
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
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const wrong = compareProblem(draft());
    setProblem(wrong);
    if (!wrong) props.onCompare(questionOf(draft()));
  };
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
      <CompareLists draft={draft()} set={set} choices={props.choices} />
      <CompareWindow draft={draft()} set={set} />
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
