import type { ActivityStatus, Generation } from "../db/types";

const V2: Record<string, ActivityStatus> = {
  UNCONFIRMED: "pending",
  PENDING: "pending",
  QUEUED: "pending",
  RUNNING: "running",
  COMPLETE: "completed",
  ERROR: "failed",
  CANCELLED: "cancelled",
};

const V3: Record<string, ActivityStatus> = {
  initialized: "pending",
  processing: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
  timed_out: "timed_out",
};

/** Whether Mailroom knows this status word (an unknown one is read as pending). */
export function isKnownActivityStatus(generation: Generation, raw: string): boolean {
  return (generation === "v2" ? V2[raw.toUpperCase()] : V3[raw.toLowerCase()]) !== undefined;
}

/**
 * The server's status word in Mailroom's terms. An unknown word is kept raw by the caller and read
 * as "pending" (so it is polled, with back-off, rather than wrongly shown as finished), with a warning.
 */
export function normaliseActivityStatus(generation: Generation, raw: string): ActivityStatus {
  const known = generation === "v2" ? V2[raw.toUpperCase()] : V3[raw.toLowerCase()];
  if (known) return known;
  console.warn(`Mailroom: unknown ${generation} activity status "${raw}"; treated as pending.`);
  return "pending";
}
