import type { ActivityStatus } from "../../db";
import { STATUS_LABEL } from "./activityFilter";

/** The normalised status as a coloured badge; the server's own word in its tooltip. */
export function StatusBadge(props: { status: ActivityStatus; raw?: string }) {
  return (
    <span
      class={`badge status-${props.status}`}
      title={props.raw ? `Constant Contact says: ${props.raw}` : undefined}
    >
      {STATUS_LABEL[props.status]}
    </span>
  );
}
