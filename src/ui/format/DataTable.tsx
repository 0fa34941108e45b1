import { For, type JSX, Show } from "solid-js";
import { TableHead } from "./TableHead";

/**
 * A data table that scrolls sideways on a phone: a caption for screen readers, a header row, and
 * one row per item, drawn by `children`.
 * @example <DataTable class="sends-table" caption="Sends" columns={["Sent", "Email"]} rows={rows()}>
 *   {(row) => <tr><td>{row.sentAt}</td><td>{row.email}</td></tr>}
 * </DataTable>
 */
export function DataTable<Row>(props: {
  class?: string;
  caption?: JSX.Element;
  columns: readonly string[];
  rows: readonly Row[];
  children: (row: Row) => JSX.Element;
}) {
  return (
    <div class="table-scroll">
      <table class={props.class ? `data-table ${props.class}` : "data-table"}>
        <Show when={props.caption !== undefined}>
          <caption class="visually-hidden">{props.caption}</caption>
        </Show>
        <TableHead columns={props.columns} />
        <tbody>
          <For each={props.rows}>{(row) => props.children(row)}</For>
        </tbody>
      </table>
    </div>
  );
}
