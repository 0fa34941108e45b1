import type { SendsFilter } from "../../db";
import { ContainsField } from "../search/ContainsField";
import { localInputToIso } from "./localTime";

/** Any part of an email or a name, sent between two local times, newest or oldest first. */
export function SendsSearchForm(props: {
  filter: SendsFilter;
  onChange: (next: SendsFilter) => void;
  /** The list's search text is in memory (a marker for the bench; searches work before too). */
  ready?: boolean;
}) {
  const set = (patch: Partial<SendsFilter>) => props.onChange({ ...props.filter, ...patch });
  return (
    <search data-search-ready={props.ready ? "" : undefined}>
      <form class="filters sends-filters" onSubmit={(e) => e.preventDefault()}>
        <ContainsField value={props.filter.contains} onSettled={(contains) => set({ contains })} />
        <label>
          Sent from
          <input
            type="datetime-local"
            onChange={(e) => set({ sentFrom: localInputToIso(e.currentTarget.value) })}
          />
        </label>
        <label>
          Sent until
          <input
            type="datetime-local"
            onChange={(e) => set({ sentTo: localInputToIso(e.currentTarget.value, true) })}
          />
        </label>
        <label>
          Order
          <select
            value={props.filter.order}
            onChange={(e) => set({ order: e.currentTarget.value === "asc" ? "asc" : "desc" })}
          >
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
        </label>
      </form>
    </search>
  );
}
