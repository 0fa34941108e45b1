import { For } from "solid-js";

/**
 * A data table's header row: one column header per name, in order.
 * @example <TableHead columns={["Sent", "Email", "Name"]} />
 */
export function TableHead(props: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
      </tr>
    </thead>
  );
}
