import type { ActivityStatus, BulkActivity, Generation } from "../../db";

export type StatusFilter = ActivityStatus | "unfinished" | "all";

export interface ActivityFilter {
  generation: Generation | "all";
  status: StatusFilter;
  type: string;
}

export const NO_FILTER: ActivityFilter = { generation: "all", status: "all", type: "all" };

export const STATUSES: ActivityStatus[] = [
  "pending",
  "running",
  "completed",
  "failed",
  "cancelled",
  "timed_out",
];

export const STATUS_LABEL: Record<StatusFilter, string> = {
  all: "All",
  unfinished: "Unfinished",
  pending: "Pending",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  timed_out: "Timed out",
};

/** Not yet in a terminal state: Mailroom keeps polling these. */
export function isUnfinished(activity: BulkActivity): boolean {
  return activity.status === "pending" || activity.status === "running";
}

export function matchesActivityFilter(activity: BulkActivity, filter: ActivityFilter): boolean {
  if (filter.generation !== "all" && activity.generation !== filter.generation) return false;
  if (filter.type !== "all" && activity.type !== filter.type) return false;
  if (filter.status === "all") return true;
  if (filter.status === "unfinished") return isUnfinished(activity);
  return activity.status === filter.status;
}

/** How many activities are in each status (before the status filter, so the counts guide it). */
export function countByStatus(activities: BulkActivity[]): Record<StatusFilter, number> {
  const counts = Object.fromEntries(
    (["all", "unfinished", ...STATUSES] as StatusFilter[]).map((s) => [s, 0]),
  ) as Record<StatusFilter, number>;
  for (const activity of activities) {
    counts.all++;
    counts[activity.status]++;
    if (isUnfinished(activity)) counts.unfinished++;
  }
  return counts;
}

/** "ADD_CONTACTS" → "Add contacts". */
export function typeLabel(type: string): string {
  if (type === "" || type === "unknown") return "Bulk activity";
  const words = type.replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What an activity is called on screen. v3 has no activity type, so its file name (an import's
 * `source_file_name`) says far more than "Bulk activity".
 */
export function activityTitle(activity: Pick<BulkActivity, "generation" | "type" | "fileName">): string {
  if (activity.generation === "v3" && activity.fileName) return activity.fileName;
  return typeLabel(activity.type);
}
