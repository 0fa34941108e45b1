import { POLL_TAG } from "../../core/messages";

/** Chromium allows no shorter interval for an installed app in practice; it decides the real one. */
const PERIODIC_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

type PeriodicSyncRegistration = ServiceWorkerRegistration & {
  periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
};

/**
 * Asks for Periodic Background Sync, which wakes the worker with no tab open. Chromium offers it
 * only to an installed app with engagement; elsewhere the answer is "unavailable", which is said.
 */
export async function registerPeriodicPolling(): Promise<"registered" | "unavailable"> {
  const registration = (await navigator.serviceWorker.ready) as PeriodicSyncRegistration;
  if (!registration.periodicSync) return "unavailable";
  const permission = await navigator.permissions
    .query({ name: "periodic-background-sync" as PermissionName })
    // Browsers that do not know this permission name reject the query: that means unavailable.
    .catch(() => undefined);
  if (permission?.state !== "granted") return "unavailable";
  await registration.periodicSync.register(POLL_TAG, { minInterval: PERIODIC_MIN_INTERVAL_MS });
  return "registered";
}
