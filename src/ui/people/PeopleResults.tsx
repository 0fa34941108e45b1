import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { PEOPLE_PAGE, type PeopleAnswer } from "../../db/people/search";
import { DataTable } from "../format/DataTable";
import { plural } from "../format/number";
import { OffsetPager } from "../format/OffsetPager";
import { TimeText } from "../format/TimeText";
import { personHref } from "./personHref";

/** One page of a people search: how many match, the page's people, and the pager. */
export function PeopleResults(props: {
  found: PeopleAnswer;
  text: string;
  offset: number;
  now: number;
  onOffset(offset: number): void;
}) {
  return (
    <>
      <p class="row-count" aria-live="polite">
        {plural(props.found.total, "person", "people")}
      </p>
      <Show when={props.found.people.length > 0} fallback={<p class="panel empty">Nobody matches.</p>}>
        <DataTable
          class="people-table"
          caption={<>People whose email or name contains “{props.text}”</>}
          columns={["Email", "Name", "Send lists", "Last sent"]}
          rows={props.found.people}
        >
          {(person) => (
            <tr>
              <td class="email">
                <A href={personHref(person.folded)}>{person.email}</A>
              </td>
              <td>{person.name ?? "—"}</td>
              <td>{person.lists}</td>
              <td>
                <TimeText at={person.lastSentAt} now={props.now} />
              </td>
            </tr>
          )}
        </DataTable>
        <OffsetPager
          label="Pages of people"
          offset={props.offset}
          size={PEOPLE_PAGE}
          total={props.found.total}
          onOffset={props.onOffset}
        />
      </Show>
    </>
  );
}
