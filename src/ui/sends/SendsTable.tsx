import { For } from "solid-js";
import type { Send } from "../../db";
import { TableHead } from "../format/TableHead";
import { formatAbsolute, toIso } from "../format/time";

/** One page of sends. Rows are keyed by identity of the page read; a page is small (PAGE_SIZE). */
export function SendsTable(props: { rows: Send[]; caption: string }) {
  const name = (row: Send) => [row.firstName, row.lastName].filter(Boolean).join(" ") || "—";
  return (
    <div class="table-scroll">
      <table class="data-table sends-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <TableHead columns={["Sent", "Email", "Name"]} />
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr classList={{ deleted: row.deletedAt !== undefined }}>
                <td>
                  <time datetime={toIso(row.sentAt)}>{formatAbsolute(row.sentAt)}</time>
                </td>
                <td class="email">{row.email}</td>
                <td>{name(row)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
