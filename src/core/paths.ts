import type { Generation } from "./types";

/**
 * A leaf module (imports nothing of ours but core): the app's own URL of one bulk activity, which
 * the screens link to and the worker's notifications open. The route is `/activities/:generation/:id`.
 */
export function activityPath(activity: { generation: Generation; activityId: string }): string {
  return `/activities/${activity.generation}/${encodeURIComponent(activity.activityId)}`;
}
