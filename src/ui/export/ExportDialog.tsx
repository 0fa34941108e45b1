import { createSignal, createUniqueId, onMount, Show } from "solid-js";
import { ColumnChoices } from "./ColumnChoices";
import type { ColumnChoice, ExportChoice } from "./exportChoice";
import { type FileChoice, FileOptions } from "./FileOptions";

export type { ColumnChoice, ExportChoice } from "./exportChoice";

/**
 * The export's options: columns, BOM, formula guard, and (where the browser can write to a picked
 * file) whether to pick a file or use the downloads folder. A plain region, not a modal: it sits
 * under its button, so it works at 360 px and with the keyboard (Escape closes it).
 */
export function ExportDialog(props: {
  title: string;
  columns: ColumnChoice[];
  defaultColumns: string[];
  /** Offer the "choose a file" destination (File System Access API present). */
  canPickFile: boolean;
  onExport(choice: ExportChoice): void;
  onClose(): void;
}) {
  const [chosen, setChosen] = createSignal(new Set(props.defaultColumns));
  const [file, setFile] = createSignal<FileChoice>({ bom: true, formulaGuard: true, destination: "auto" });
  let form: HTMLFormElement | undefined;
  const headingId = `export-dialog-${createUniqueId()}`;

  onMount(() => form?.querySelector<HTMLInputElement>("input")?.focus());

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  // Keep the dialog's column order (defaults first), whatever order the boxes were ticked in.
  const columns = () => props.columns.map((column) => column.id).filter((id) => chosen().has(id));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onExport({ columns: columns(), ...file() });
  };

  return (
    <div
      class="export-dialog panel"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === "Escape" && props.onClose()}
    >
      <h2 id={headingId}>{props.title}</h2>
      <form ref={form} onSubmit={submit}>
        <ColumnChoices columns={props.columns} chosen={chosen()} onToggle={toggle} />
        <FileOptions
          choice={file()}
          canPickFile={props.canPickFile}
          groupName={`${headingId}-destination`}
          onChange={(change) => setFile({ ...file(), ...change })}
        />
        <Show when={columns().length === 0}>
          <p class="muted">Choose at least one column.</p>
        </Show>
        <p class="export-actions">
          <button type="submit" disabled={columns().length === 0}>
            Export CSV
          </button>
          <button type="button" class="secondary" onClick={() => props.onClose()}>
            Close
          </button>
        </p>
      </form>
    </div>
  );
}
