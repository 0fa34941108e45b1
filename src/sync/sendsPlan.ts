import type { Generation, SyncState } from "../db/types";

/** v2 incremental runs ask for sends since the newest held minus this, and dedupe by key. */
export const V2_OVERLAP_MS = 5 * 60_000;

export interface SendsRun {
  mode: "first" | "incremental";
  /** Set when resuming an interrupted run: the first page not yet stored. */
  resumeLink?: string;
  /** v2 incremental: the `created_since` of the first request. */
  createdSince?: string;
  /** v3 incremental: stop paging once a page reaches rows at or below this sent time. */
  stopBelow?: string;
}

/**
 * Decides what a run does. An interrupted run (its checkpoint has a next link) always resumes as
 * the run it was — a first sync stopped half-way must not restart as incremental, or the older
 * half would never be fetched. Without a checkpoint: nothing held → first; otherwise incremental.
 */
export function planSendsRun(
  generation: Generation,
  state: SyncState | undefined,
  newestHeld: string | undefined,
  full = false,
): SendsRun {
  if (state?.nextLink && !full) {
    return { mode: state.mode ?? "first", resumeLink: state.nextLink, stopBelow: state.stopBelow };
  }
  if (full || newestHeld === undefined) return { mode: "first" };
  if (generation === "v2") {
    return {
      mode: "incremental",
      createdSince: new Date(Date.parse(newestHeld) - V2_OVERLAP_MS).toISOString(),
    };
  }
  return { mode: "incremental", stopBelow: newestHeld };
}
