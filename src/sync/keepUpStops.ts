import { AuthRequiredError } from "../api/auth";
import { toMailroomError } from "../core/errors";
import { formatCount } from "../core/formatCount";
import type { KeepUpStop } from "../db/keepUp";
import type { Generation } from "../db/types";
import { DAILY_LIMIT } from "./pacer";

/** The round's own stop, not an error: a key's requests today reached the share the user set. */
export const SHARE_USED = "share_used";

/** Thrown (as an abort) into a list's sync when its key reaches the share, so the list resumes later. */
export class ShareUsedAbort extends DOMException {
  constructor(readonly generation: Generation) {
    super("The share of today's requests set for keeping send lists up to date is used.", "AbortError");
  }
}

export function shareUsedStop(share: number, at: number, generation?: Generation): KeepUpStop {
  const limit = formatCount(Math.floor(share * DAILY_LIMIT));
  return {
    kind: SHARE_USED,
    message: `Stopped at ${limit} requests today, the share set for keeping send lists up to date; it goes on after 00:00 UTC.`,
    at,
    ...(generation ? { generation } : {}),
  };
}

/**
 * What a failure means for the round: `all` stops it (no connection), `generation` stops that API
 * generation's lists (its key's day is spent, or it needs a sign-in), `list` is that list's own
 * (the round goes on). Kinds and messages are the app's error vocabulary (src/core/errors.ts).
 */
export function classifyFailure(
  error: unknown,
  at: number,
  generation?: Generation,
): { scope: "all" | "generation" | "list"; stop: KeepUpStop } {
  if (error instanceof AuthRequiredError) {
    const kind = error.need === "sign_in_required" ? "unauthorized" : "not_signed_in";
    return { scope: "generation", stop: { kind, message: error.message, at, generation: error.generation } };
  }
  const mapped = toMailroomError(error);
  const stop: KeepUpStop = {
    kind: mapped.kind,
    message: mapped.message,
    at,
    ...((mapped.details.generation ?? generation)
      ? { generation: mapped.details.generation ?? generation }
      : {}),
  };
  if (mapped.kind === "offline" || mapped.kind === "network") return { scope: "all", stop };
  if (mapped.kind === "quota_exceeded" || mapped.kind === "unauthorized" || mapped.kind === "not_signed_in")
    return { scope: "generation", stop };
  return { scope: "list", stop };
}

export function offlineStop(at: number): KeepUpStop {
  return {
    kind: "offline",
    message: "This device is offline: send lists are kept up to date once it is back.",
    at,
  };
}
