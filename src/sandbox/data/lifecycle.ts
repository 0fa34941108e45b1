// The life of a bulk activity in simulated time: created, waiting, running (progress grows
// linearly), then a terminal outcome. Both API generations describe the same life in their words.

export interface Lifecycle {
  createdAt: number;
  /** Infinity = never starts (stuck waiting, e.g. UNCONFIRMED / initialized). */
  startAt: number;
  finishAt: number;
  outcome: "completed" | "failed" | "cancelled" | "timed_out";
}

/** A cast member's times as offsets from the data anchor, ms (Infinity = never). */
export interface AnchoredTimes {
  created: number;
  start: number;
  finish: number;
  outcome: Lifecycle["outcome"];
}

/** The life of a cast member, its offsets placed at `anchor`. */
export function lifeAt(anchor: number, times: AnchoredTimes): Lifecycle {
  return {
    createdAt: anchor + times.created,
    startAt: anchor + times.start,
    finishAt: anchor + times.finish,
    outcome: times.outcome,
  };
}

export type Phase = "hidden" | "waiting" | "running" | "done";

export function phaseAt(life: Lifecycle, now: number): Phase {
  if (now < life.createdAt) return "hidden";
  if (now < life.startAt) return "waiting";
  if (now < life.finishAt) return "running";
  return "done";
}

/** Fraction of the work done at `now`, in [0, 1]. A cancelled/failed job stops where it stopped. */
export function progressAt(life: Lifecycle, now: number): number {
  const phase = phaseAt(life, now);
  if (phase === "hidden" || phase === "waiting") return 0;
  if (phase === "done") return life.outcome === "completed" ? 1 : 0.6;
  return (now - life.startAt) / (life.finishAt - life.startAt);
}

/** When the activity was last updated, as its `updated_at` would say. */
export function updatedAt(life: Lifecycle, now: number): number {
  const phase = phaseAt(life, now);
  if (phase === "waiting") return life.createdAt;
  if (phase === "running") return now;
  return life.finishAt;
}
