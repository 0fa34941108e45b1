import { Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { formatCount } from "../format/number";
import { ProgressTrack } from "../format/ProgressTrack";

/** The fraction done (0..1) of an activity, from its percent or its item counts. */
export function activityProgress(activity: BulkActivity): number | undefined {
  if (activity.percentDone !== undefined) return Math.min(100, Math.max(0, activity.percentDone)) / 100;
  if (activity.itemsTotal && activity.itemsDone !== undefined)
    return activity.itemsDone / activity.itemsTotal;
  return undefined;
}

/** A labelled progress bar: percent for screen readers, "items done of total" beside it. */
export function ProgressBar(props: { activity: BulkActivity; label: string }) {
  const fraction = () => activityProgress(props.activity);
  const percent = () => Math.round((fraction() ?? 0) * 100);
  const items = () =>
    props.activity.itemsTotal !== undefined
      ? `${formatCount(props.activity.itemsDone ?? 0)} of ${formatCount(props.activity.itemsTotal)} items`
      : undefined;
  return (
    <div class="progress">
      <ProgressTrack
        label={props.label}
        percent={fraction() === undefined ? undefined : percent()}
        valueText={fraction() === undefined ? "In progress" : `${percent()}%${items() ? `, ${items()}` : ""}`}
      />
      <span class="progress-text">
        <Show when={fraction() !== undefined} fallback="In progress">
          {percent()}%
        </Show>
        <Show when={items()}>{(text) => <span class="muted"> · {text()}</span>}</Show>
      </span>
    </div>
  );
}
