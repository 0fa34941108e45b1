import { For } from "solid-js";
import { formatCount } from "../format/number";
import { type ActivityFilter, STATUS_LABEL, STATUSES, type StatusFilter, typeLabel } from "./activityFilter";

/** Generation, status and type pickers, with the count of each status beside its name. */
export function ActivityFilters(props: {
  filter: ActivityFilter;
  counts: Record<StatusFilter, number>;
  types: string[];
  onChange: (next: ActivityFilter) => void;
}) {
  const statuses: StatusFilter[] = ["all", "unfinished", ...STATUSES];
  const set = (patch: Partial<ActivityFilter>) => props.onChange({ ...props.filter, ...patch });
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">Filter activities</legend>
      <label>
        API
        <select
          value={props.filter.generation}
          onChange={(e) => set({ generation: e.currentTarget.value as ActivityFilter["generation"] })}
        >
          <option value="all">v2 and v3</option>
          <option value="v2">v2</option>
          <option value="v3">v3</option>
        </select>
      </label>
      <label>
        Status
        <select
          value={props.filter.status}
          onChange={(e) => set({ status: e.currentTarget.value as StatusFilter })}
        >
          <For each={statuses}>
            {(status) => (
              <option value={status}>
                {STATUS_LABEL[status]} ({formatCount(props.counts[status])})
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Type
        <select value={props.filter.type} onChange={(e) => set({ type: e.currentTarget.value })}>
          <option value="all">All types</option>
          <For each={props.types}>{(type) => <option value={type}>{typeLabel(type)}</option>}</For>
        </select>
      </label>
    </fieldset>
  );
}
