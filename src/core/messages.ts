import type { ErrorKind } from "./errors";
import type { ActivityStatus, Generation } from "./types";

/**
 * A leaf module (imports nothing of ours).
 *
 * The tiny vocabulary the pages and the service worker speak, in one module both import.
 * Pages → worker go through `postMessage`; worker → every page through one BroadcastChannel.
 */
export const BROADCAST_CHANNEL = "mailroom";

/** workbox-window sends exactly `{ type: "SKIP_WAITING" }` when the user accepts an update. */
export type PageToWorker = { type: "SKIP_WAITING" } | { type: "POLL_NOW"; reason: PollReason };

/** `keep-up`: "Keep all send lists up to date" was just turned on or changed in Settings. */
export type PollReason = "schedule" | "user" | "online" | "new-jobs" | "keep-up";

export type WorkerBroadcast =
  | { type: "poll-started"; at: number }
  | { type: "poll-finished"; at: number; unfinished: number; nextPollInMs: number }
  | { type: "poll-paused"; reason: "offline" | "sign-in-required"; accountId?: string }
  | { type: "poll-failed"; accountId: string; kind: ErrorKind; message: string }
  | {
      type: "activity-finished";
      accountId: string;
      generation: Generation;
      activityId: string;
      status: ActivityStatus;
    };

function hasType(data: unknown): data is { type: unknown } {
  return typeof data === "object" && data !== null && "type" in data;
}

export function isPageToWorker(data: unknown): data is PageToWorker {
  return hasType(data) && (data.type === "SKIP_WAITING" || data.type === "POLL_NOW");
}

const BROADCAST_TYPES = new Set([
  "poll-started",
  "poll-finished",
  "poll-paused",
  "poll-failed",
  "activity-finished",
]);

export function isWorkerBroadcast(data: unknown): data is WorkerBroadcast {
  return hasType(data) && typeof data.type === "string" && BROADCAST_TYPES.has(data.type);
}

/** The tag of the Background Sync and Periodic Background Sync registrations that wake polling. */
export const POLL_TAG = "mailroom-poll";
