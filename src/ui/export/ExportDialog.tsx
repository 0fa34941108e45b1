import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";

export interface ColumnChoice {
  id: string;
  label: string;
}

/** What the user chose in the dialog: the export's own options. */
export interface ExportChoice {
  columns: string[];
  bom: boolean;
  formulaGuard: boolean;
  destination: "auto" | "download";
}

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
  const [bom, setBom] = createSignal(true);
  const [formulaGuard, setFormulaGuard] = createSignal(true);
  const [destination, setDestination] = createSignal<ExportChoice["destination"]>("auto");
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
    props.onExport({
      columns: columns(),
      bom: bom(),
      formulaGuard: formulaGuard(),
      destination: destination(),
    });
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
        <fieldset>
          <legend>Columns</legend>
          <For each={props.columns}>
            {(column) => (
              <label class="export-choice">
                <input
                  type="checkbox"
                  checked={chosen().has(column.id)}
                  onChange={(event) => toggle(column.id, event.currentTarget.checked)}
                />{" "}
                {column.label} <code>{column.id}</code>
              </label>
            )}
          </For>
        </fieldset>
        <fieldset>
          <legend>File</legend>
          <label class="export-choice">
            <input
              type="checkbox"
              checked={bom()}
              onChange={(event) => setBom(event.currentTarget.checked)}
            />{" "}
            Start with a byte order mark (lets Excel read accents and other scripts correctly)
          </label>
          <label class="export-choice">
            <input
              type="checkbox"
              checked={formulaGuard()}
              onChange={(event) => setFormulaGuard(event.currentTarget.checked)}
            />{" "}
            Protect against formulas: cells starting with = + - @, tab or CR get a leading ' so a spreadsheet
            shows them as text instead of running them
          </label>
          <Show when={props.canPickFile}>
            <label class="export-choice">
              <input
                type="radio"
                name={`${headingId}-destination`}
                checked={destination() === "auto"}
                onChange={() => setDestination("auto")}
              />{" "}
              Save to a file I choose
            </label>
            <label class="export-choice">
              <input
                type="radio"
                name={`${headingId}-destination`}
                checked={destination() === "download"}
                onChange={() => setDestination("download")}
              />{" "}
              Save to my downloads folder
            </label>
          </Show>
        </fieldset>
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
