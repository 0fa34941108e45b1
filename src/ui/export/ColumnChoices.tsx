import { For } from "solid-js";
import type { ColumnChoice } from "./exportChoice";

/** One checkbox per column the export can write, with its CSV header name. */
export function ColumnChoices(props: {
  columns: ColumnChoice[];
  chosen: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>Columns</legend>
      <For each={props.columns}>
        {(column) => (
          <label class="export-choice">
            <input
              type="checkbox"
              checked={props.chosen.has(column.id)}
              onChange={(event) => props.onToggle(column.id, event.currentTarget.checked)}
            />{" "}
            {column.label} <code>{column.id}</code>
          </label>
        )}
      </For>
    </fieldset>
  );
}
