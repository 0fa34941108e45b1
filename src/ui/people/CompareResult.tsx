import { A } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import type { CompareQuery } from "../../db/people/compare";
import type { ComparedRow } from "../../db/people/comparedRows";
import type { ComparisonAnswer } from "../../export/compareClient";
import { ErrorNotice } from "../errors/ErrorNotice";
import { ExportButton } from "../export/ExportButton";
import { DataTable } from "../format/DataTable";
import { plural } from "../format/number";
import { OffsetPager } from "../format/OffsetPager";
import { personHref } from "./personHref";

export const COMPARE_PAGE = 50;

const nameOf = (row: ComparedRow) => [row.firstName, row.lastName].filter(Boolean).join(" ") || "—";

/** An answer: the exact count, its people a page at a time (read from the worker), and its export. */
export function CompareResult(props: { query: CompareQuery; answer: ComparisonAnswer }) {
  const [offset, setOffset] = createSignal(0);
  const [rows] = createResource(
    () => [props.answer, offset()] as const,
    ([answer, at]) => answer.page(at, COMPARE_PAGE),
  );
  const count = () => props.answer.count;
  return (
    <div class="compare-result">
      <div class="toolbar">
        <p class="row-count" aria-live="polite">
          {plural(count(), "person", "people")}
        </p>
        <ExportButton comparison={props.query} label="Export these people (CSV)" />
      </div>
      <Show when={rows.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      <Show when={count() > 0} fallback={<p class="panel empty">Nobody answers this question.</p>}>
        <Show when={rows.latest} fallback={<p class="muted">Reading the people…</p>}>
          {(page) => (
            <DataTable
              class="compare-table"
              caption="People who answer the question"
              columns={["Email", "Name", "Chosen lists received"]}
              rows={page()}
            >
              {(row) => (
                <tr>
                  <td class="email">
                    <A href={personHref(row.email.toLowerCase())}>{row.email}</A>
                  </td>
                  <td>{nameOf(row)}</td>
                  <td>{row.lists}</td>
                </tr>
              )}
            </DataTable>
          )}
        </Show>
        <OffsetPager
          label="Pages of people compared"
          offset={offset()}
          size={COMPARE_PAGE}
          total={count()}
          onOffset={setOffset}
        />
      </Show>
    </div>
  );
}
