import type { BulkActivity } from "../../db";
import { formatDuration, toEpochMs } from "../format/time";

export interface TimelinePoint {
  label: string;
  at?: number;
}

export interface Timeline {
  points: [TimelinePoint, TimelinePoint, TimelinePoint];
  /** "waited 12 s", "ran 3 min" (or "running for…" while unfinished). */
  spans: [string, string];
  /** One sentence for screen readers. */
  summary: string;
}

function ms(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const value = toEpochMs(iso);
  return Number.isNaN(value) ? undefined : value;
}

/** The three moments of an activity and the time between them; "now" stands in for an open end. */
export function activityTimeline(activity: BulkActivity, now: number): Timeline {
  const created = ms(activity.createdAt);
  const started = ms(activity.startedAt);
  const finished = ms(activity.finishedAt);
  const open = activity.status === "pending" || activity.status === "running";
  const between = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? formatDuration(b - a) : "—";
  const waited =
    started !== undefined
      ? `waited ${between(created, started)}`
      : open
        ? `waiting ${between(created, now)}`
        : "—";
  const ran =
    finished !== undefined
      ? `ran ${between(started ?? created, finished)}`
      : open && started !== undefined
        ? `running ${between(started, now)}`
        : "—";
  const finishLabel =
    activity.status === "completed" ? "finished" : open ? "not finished" : activity.status.replace("_", " ");
  const spoken = [
    created !== undefined ? "created" : "creation time unknown",
    started !== undefined ? `started after ${between(created, started)}` : "not started",
    finished !== undefined ? `${finishLabel} after ${between(started ?? created, finished)}` : finishLabel,
  ];
  return {
    points: [
      { label: "created", at: created },
      { label: "started", at: started },
      { label: finishLabel, at: finished },
    ],
    spans: [waited, ran],
    summary: `Timeline: ${spoken.join(", ")}.`,
  };
}
