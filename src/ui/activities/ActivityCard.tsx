import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { plural } from "../format/number";
import { TimeText } from "../format/TimeText";
import { activityTitle, isUnfinished } from "./activityFilter";
import { ProgressBar } from "./ProgressBar";
import { StatusBadge } from "./StatusBadge";

export function activityHref(activity: BulkActivity): string {
  return `/activities/${activity.generation}/${encodeURIComponent(activity.activityId)}`;
}

/** One activity in the list: what, its status and progress, when, and the marks that matter. */
export function ActivityCard(props: { activity: BulkActivity; now: number; watching: boolean }) {
  const title = () => `${activityTitle(props.activity)} ${props.activity.activityId}`;
  return (
    <li class="activity-card">
      <div class="activity-head">
        <A href={activityHref(props.activity)} class="activity-title">
          {activityTitle(props.activity)}
        </A>
        <span class="badge generation">{props.activity.generation}</span>
        <StatusBadge status={props.activity.status} raw={props.activity.rawStatus} />
        <Show when={props.watching && isUnfinished(props.activity)}>
          <span class="badge watching" title="Mailroom checks this activity every few seconds">
            <span aria-hidden="true">◉ </span>watching
          </span>
        </Show>
        <Show when={props.activity.goneFromServer}>
          <span class="badge gone" title="Past Constant Contact's retention; Mailroom kept its history">
            no longer on Constant Contact
          </span>
        </Show>
      </div>
      <Show when={isUnfinished(props.activity)}>
        <ProgressBar activity={props.activity} label={`Progress of ${title()}`} />
      </Show>
      <p class="activity-meta muted">
        <span>
          created <TimeText at={props.activity.createdAt ?? props.activity.firstSeenAt} now={props.now} />
        </span>
        <Show when={props.activity.finishedAt}>
          {(at) => (
            <span>
              {" "}
              · finished <TimeText at={at()} now={props.now} />
            </span>
          )}
        </Show>
        <Show when={props.activity.errorCount}>
          {(count) => <span class="error-count"> · {plural(count(), "error")}</span>}
        </Show>
        <span class="activity-id"> · {props.activity.activityId}</span>
      </p>
    </li>
  );
}
