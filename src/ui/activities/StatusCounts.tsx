import { For } from "solid-js";
import { formatCount } from "../format/number";
import { STATUS_LABEL, type StatusFilter } from "./activityFilter";

/** "3 running · 40 completed · 1 failed": only the statuses that occur. */
export function StatusCounts(props: { counts: Record<StatusFilter, number>; statuses: StatusFilter[] }) {
  const present = () => props.statuses.filter((s) => props.counts[s] > 0);
  return (
    <ul class="status-counts" aria-label="Activities by status">
      <For each={present()}>
        {(status) => (
          <li class={`badge status-${status}`}>
            {formatCount(props.counts[status])} {STATUS_LABEL[status].toLowerCase()}
          </li>
        )}
      </For>
    </ul>
  );
}
