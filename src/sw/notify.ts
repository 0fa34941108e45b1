/// <reference lib="webworker" />
import type { BulkActivity } from "../sync";

declare const self: ServiceWorkerGlobalScope;

const OUTCOME: Record<BulkActivity["status"], string> = {
  pending: "is waiting",
  running: "is running",
  completed: "finished",
  failed: "failed",
  cancelled: "was cancelled",
  timed_out: "timed out",
};

const TYPE_NAMES: Record<string, string> = {
  ADD_CONTACTS: "Contact import",
  REMOVE_CONTACTS_FROM_LISTS: "List removal",
  CLEAR_CONTACTS_FROM_LISTS: "List clearing",
  EXPORT_CONTACTS: "Contact export",
};

export function activityPath(activity: Pick<BulkActivity, "generation" | "activityId">): string {
  return `/activities/${activity.generation}/${encodeURIComponent(activity.activityId)}`;
}

/** A system notification for a job that reached its end; silent unless the user allowed them. */
export async function notifyFinished(activity: BulkActivity): Promise<void> {
  if (Notification.permission !== "granted") return;
  const what = TYPE_NAMES[activity.type] ?? "Bulk job";
  const counts =
    activity.errorCount !== undefined && activity.errorCount > 0 ? ` with ${activity.errorCount} errors` : "";
  await self.registration.showNotification(`${what} ${OUTCOME[activity.status]}`, {
    body: `${activity.generation.toUpperCase()} activity ${activity.activityId}${counts}.`,
    tag: `activity-${activity.accountId}-${activity.activityId}`,
    icon: new URL("icons/icon-192.png", self.registration.scope).href,
    data: { path: activityPath(activity) },
  });
}

/** Clicking a notification opens that activity, in an open Mailroom window if there is one. */
export async function openFromNotification(notification: Notification): Promise<void> {
  notification.close();
  const data: unknown = notification.data;
  const path =
    typeof data === "object" && data !== null && typeof (data as { path?: unknown }).path === "string"
      ? (data as { path: string }).path
      : "/activities";
  // Paths are the app's own ("/activities/…"): under the worker's scope, the build's base path.
  const url = new URL(path.replace(/^\/+/, ""), self.registration.scope).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows[0];
  if (open) {
    await open.focus();
    await open.navigate(url);
    return;
  }
  await self.clients.openWindow(url);
}
