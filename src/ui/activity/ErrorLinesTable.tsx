import { createMemo, createSignal, type JSX, Show } from "solid-js";
import type { ActivityErrorLine } from "../../db";
import { DataTable } from "../format/DataTable";
import { formatCount } from "../format/number";
import { searchErrorLines } from "./errorLineSearch";

// Beyond this many matches the table shows the first ones and says so: a 50,000-line import
// report would otherwise create 50,000 rows of DOM. The export writes them all.
const SHOWN_LINES = 500;

/** The error and warning lines of an activity, searchable by email, message or line number. */
export function ErrorLinesTable(props: { lines: ActivityErrorLine[]; exportControl?: JSX.Element }) {
  const [query, setQuery] = createSignal("");
  const matches = createMemo(() => searchErrorLines(props.lines, query()));
  return (
    <section class="panel" aria-labelledby="error-lines-heading">
      <div class="toolbar">
        <h2 id="error-lines-heading">Errors and warnings ({formatCount(props.lines.length)})</h2>
        {props.exportControl}
      </div>
      <Show when={props.lines.length > 0} fallback={<p class="muted">No error or warning lines.</p>}>
        <label class="search">
          Search lines
          <input
            type="search"
            placeholder="email, message or line"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <p class="muted" aria-live="polite">
          {formatCount(matches().length)} of {formatCount(props.lines.length)} lines
          {matches().length > SHOWN_LINES ? ` (the first ${SHOWN_LINES} shown; export for all)` : ""}
        </p>
        <DataTable columns={["Line", "Kind", "Email", "Message"]} rows={matches().slice(0, SHOWN_LINES)}>
          {(line) => (
            <tr>
              <td>{line.lineNumber ?? "—"}</td>
              <td>{line.kind}</td>
              <td>{line.email ?? "—"}</td>
              <td>{line.message}</td>
            </tr>
          )}
        </DataTable>
      </Show>
    </section>
  );
}
