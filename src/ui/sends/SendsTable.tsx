import type { Send } from "../../db";
import { DataTable } from "../format/DataTable";
import { formatAbsolute, toIso } from "../format/time";

/** One page of sends. Rows are keyed by identity of the page read; a page is small (PAGE_SIZE). */
export function SendsTable(props: { rows: Send[]; caption: string }) {
  const name = (row: Send) => [row.firstName, row.lastName].filter(Boolean).join(" ") || "—";
  return (
    <DataTable
      class="sends-table"
      caption={props.caption}
      columns={["Sent", "Email", "Name"]}
      rows={props.rows}
    >
      {(row) => (
        <tr classList={{ deleted: row.deletedAt !== undefined }}>
          <td>
            <time datetime={toIso(row.sentAt)}>{formatAbsolute(row.sentAt)}</time>
          </td>
          <td class="email">{row.email}</td>
          <td>{name(row)}</td>
        </tr>
      )}
    </DataTable>
  );
}
