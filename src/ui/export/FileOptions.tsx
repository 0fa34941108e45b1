import { Show } from "solid-js";
import type { ExportChoice } from "./exportChoice";

export type FileChoice = Omit<ExportChoice, "columns">;

/** The file's options: byte order mark, formula guard and, where a file can be picked, where to save. */
export function FileOptions(props: {
  choice: FileChoice;
  canPickFile: boolean;
  /** Names the destination radios' group, unique per dialog. */
  groupName: string;
  onChange: (change: Partial<FileChoice>) => void;
}) {
  return (
    <fieldset>
      <legend>File</legend>
      <label class="export-choice">
        <input
          type="checkbox"
          checked={props.choice.bom}
          onChange={(event) => props.onChange({ bom: event.currentTarget.checked })}
        />{" "}
        Start with a byte order mark (lets Excel read accents and other scripts correctly)
      </label>
      <label class="export-choice">
        <input
          type="checkbox"
          checked={props.choice.formulaGuard}
          onChange={(event) => props.onChange({ formulaGuard: event.currentTarget.checked })}
        />{" "}
        Protect against formulas: cells starting with = + - @, tab or CR get a leading ' so a spreadsheet
        shows them as text instead of running them
      </label>
      <Show when={props.canPickFile}>
        <label class="export-choice">
          <input
            type="radio"
            name={props.groupName}
            checked={props.choice.destination === "auto"}
            onChange={() => props.onChange({ destination: "auto" })}
          />{" "}
          Save to a file I choose
        </label>
        <label class="export-choice">
          <input
            type="radio"
            name={props.groupName}
            checked={props.choice.destination === "download"}
            onChange={() => props.onChange({ destination: "download" })}
          />{" "}
          Save to my downloads folder
        </label>
      </Show>
    </fieldset>
  );
}
