import { For, Index } from "solid-js";
import type { BulkActivity } from "../../db";
import { formatShort } from "../format/time";
import { activityTimeline } from "./timelinePoints";

// Drawn in a small fixed coordinate space so its text stays readable when the SVG shrinks to a
// phone's width; the three moments are evenly spaced because the waits and runs of one activity
// differ by orders of magnitude (a proportional axis would hide the short one).
const X = [60, 180, 300];

/** created → started → finished, with the time between each, as an SVG picture. */
export function ActivityTimeline(props: { activity: BulkActivity; now: number }) {
  const timeline = () => activityTimeline(props.activity, props.now);
  return (
    <svg class="timeline" viewBox="0 0 360 96" role="img" aria-label={timeline().summary}>
      <Index each={timeline().spans}>
        {(span, i) => (
          <g>
            <line
              x1={X[i]}
              x2={X[i + 1]}
              y1="40"
              y2="40"
              class="timeline-line"
              classList={{ pending: timeline().points[i + 1]?.at === undefined }}
            />
            <text x={((X[i] ?? 0) + (X[i + 1] ?? 0)) / 2} y="32" text-anchor="middle" class="timeline-span">
              {span()}
            </text>
          </g>
        )}
      </Index>
      <For each={timeline().points}>
        {(point, i) => (
          <g>
            <circle
              cx={X[i()]}
              cy="40"
              r="7"
              class="timeline-dot"
              classList={{ open: point.at === undefined }}
            />
            <text x={X[i()]} y="66" text-anchor="middle" class="timeline-label">
              {point.label}
            </text>
            <text x={X[i()]} y="84" text-anchor="middle" class="timeline-time">
              {point.at === undefined ? "—" : formatShort(point.at)}
            </text>
          </g>
        )}
      </For>
    </svg>
  );
}
