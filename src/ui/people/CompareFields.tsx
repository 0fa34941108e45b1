import { For, Match, Show, Switch } from "solid-js";
import type { ListChoice } from "../../db/queries/people";
import type { CompareDraft } from "./compareDraft";

/** What the form's parts share: the draft as typed, a way to change it, the lists to choose from. */
export interface DraftProps {
  draft: CompareDraft;
  set(patch: Partial<CompareDraft>): void;
  choices: ListChoice[];
}

function ListSelect(props: {
  label: string;
  value: string;
  onChange(v: string): void;
  choices: ListChoice[];
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">Choose a send list</option>
        <For each={props.choices}>{(choice) => <option value={choice.dataset}>{choice.label}</option>}</For>
      </select>
    </label>
  );
}

/** A and B for "received A but not B"; check boxes for the other questions. */
export function CompareLists(props: DraftProps) {
  const toggle = (dataset: string, on: boolean) =>
    props.set({
      lists: on ? [...props.draft.lists, dataset] : props.draft.lists.filter((d) => d !== dataset),
    });
  return (
    <Switch>
      <Match when={props.draft.kind === "aNotB"}>
        <ListSelect
          label="Send list A (received)"
          value={props.draft.a}
          onChange={(a) => props.set({ a })}
          choices={props.choices}
        />
        <ListSelect
          label="Send list B (not received)"
          value={props.draft.b}
          onChange={(b) => props.set({ b })}
          choices={props.choices}
        />
      </Match>
      <Match when={true}>
        <fieldset class="compare-lists">
          <legend>Send lists</legend>
          <For each={props.choices}>
            {(choice) => (
              <label>
                <input
                  type="checkbox"
                  checked={props.draft.lists.includes(choice.dataset)}
                  onChange={(e) => toggle(choice.dataset, e.currentTarget.checked)}
                />{" "}
                {choice.label}
              </label>
            )}
          </For>
        </fieldset>
      </Match>
    </Switch>
  );
}

/** N and the window of days, for "at least N of them between two dates". */
export function CompareWindow(props: Omit<DraftProps, "choices">) {
  return (
    <Show when={props.draft.kind === "atLeast"}>
      <label>
        At least (lists)
        <input
          type="number"
          min="1"
          value={props.draft.n}
          onInput={(e) => props.set({ n: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        Sent from (day)
        <input
          type="date"
          value={props.draft.from}
          onChange={(e) => props.set({ from: e.currentTarget.value })}
        />
      </label>
      <label>
        Sent until (day, included)
        <input
          type="date"
          value={props.draft.to}
          onChange={(e) => props.set({ to: e.currentTarget.value })}
        />
      </label>
    </Show>
  );
}
