// v2 bulk activities: a fixed cast that shows every status (some running while you watch, some
// failing with hundreds of error lines) plus filler spread over the last 16 days, so that both the
// "last 50" cap and the 14-day retention are visible.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../clock";
import { intBetween, pick, rngFor } from "../random";
import { type Lifecycle, lifeAt } from "./lifecycle";

export const V2_ACTIVITY_TYPES = [
  "ADD_CONTACTS",
  "REMOVE_CONTACTS_FROM_LISTS",
  "CLEAR_CONTACTS_FROM_LISTS",
  "EXPORT_CONTACTS",
] as const;
export type V2ActivityType = (typeof V2_ACTIVITY_TYPES)[number];

export const V2_STATUSES = ["UNCONFIRMED", "PENDING", "QUEUED", "RUNNING", "COMPLETE", "ERROR", "CANCELLED"];

export interface V2ActivitySpec {
  id: string;
  type: V2ActivityType;
  life: Lifecycle;
  /** What the status says before the job starts. */
  waitingStatus: "UNCONFIRMED" | "PENDING" | "QUEUED";
  contactCount: number;
  /** Error lines when finished (they appear progressively while running). */
  errorCount: number;
  warningCount: number;
}

function v2Id(seed: number, n: number): string {
  const rng = rngFor(seed, "v2-activity-id", n);
  let tail = "";
  for (let i = 0; i < 15; i++) tail += Math.floor(rng() * 36).toString(36);
  return `a07e${tail}`;
}

interface Cast {
  type: V2ActivityType;
  /** Offsets from the data anchor, ms. Infinity = never. */
  created: number;
  start: number;
  finish: number;
  outcome: Lifecycle["outcome"];
  waitingStatus: V2ActivitySpec["waitingStatus"];
  contactCount: number;
  errorCount: number;
  warningCount: number;
}

/** A cast member that starts `startIn` after creation and runs for `runFor`. */
function cast(
  type: V2ActivityType,
  created: number,
  [startIn, runFor]: [number, number],
  outcome: Lifecycle["outcome"],
  [contactCount, errorCount, warningCount]: [number, number, number],
  waitingStatus: V2ActivitySpec["waitingStatus"] = "QUEUED",
): Cast {
  const start = created + startIn;
  return {
    type,
    created,
    start,
    finish: start + runFor,
    outcome,
    waitingStatus,
    contactCount,
    errorCount,
    warningCount,
  };
}

const M = MINUTE_MS;
const NEVER: [number, number] = [Infinity, 0];
const CAST: Cast[] = [
  // Running while you watch: one completes, one fails with hundreds of errors.
  cast("ADD_CONTACTS", -2 * M, [M, 21 * M], "completed", [5000, 12, 4]),
  cast("ADD_CONTACTS", -3 * M, [M, 6 * M], "failed", [1200, 350, 20]),
  // Waiting: UNCONFIRMED forever, PENDING for two hours, QUEUED for half an hour.
  cast("ADD_CONTACTS", -30 * M, NEVER, "completed", [40, 0, 0], "UNCONFIRMED"),
  cast("REMOVE_CONTACTS_FROM_LISTS", -5 * M, [125 * M, 60 * M], "completed", [300, 0, 0], "PENDING"),
  cast("CLEAR_CONTACTS_FROM_LISTS", -M, [31 * M, 10 * M], "completed", [800, 0, 0]),
  cast("ADD_CONTACTS", -HOUR_MS, [M, 10 * M], "cancelled", [900, 0, 0]),
  cast("ADD_CONTACTS", -2 * DAY_MS, [M, 8 * M], "failed", [2400, 420, 35]),
  cast("EXPORT_CONTACTS", -3 * HOUR_MS, [20_000, 40_000], "completed", [71296, 0, 0]),
  cast("REMOVE_CONTACTS_FROM_LISTS", -DAY_MS, [30_000, 10_000], "completed", [3, 3, 0]),
  // Just inside retention: it disappears (404) once the clock moves ~3 hours on.
  cast("ADD_CONTACTS", -14 * DAY_MS + 3 * HOUR_MS, [M, M], "completed", [77, 1, 0]),
  // Already past retention: never listed, 404 on detail.
  cast("ADD_CONTACTS", -15 * DAY_MS, [M, M], "completed", [10, 0, 0]),
];

const FILLER = 55;

export function buildV2Activities(seed: number, anchor: number): V2ActivitySpec[] {
  const specs: V2ActivitySpec[] = CAST.map((c, n) => ({
    id: v2Id(seed, n),
    type: c.type,
    waitingStatus: c.waitingStatus,
    contactCount: c.contactCount,
    errorCount: c.errorCount,
    warningCount: c.warningCount,
    life: lifeAt(anchor, c),
  }));
  for (let n = 0; n < FILLER; n++) {
    const rng = rngFor(seed, "v2-filler", n);
    const created = anchor - Math.floor(rng() * 16 * DAY_MS) - 5 * HOUR_MS;
    const start = created + intBetween(rng, 5, 600) * 1000;
    const failed = rng() < 0.15;
    const contactCount = intBetween(rng, 1, 20_000);
    specs.push({
      id: v2Id(seed, CAST.length + n),
      type: pick(rng, V2_ACTIVITY_TYPES),
      waitingStatus: "QUEUED",
      contactCount,
      errorCount: failed ? intBetween(rng, 100, 400) : rng() < 0.3 ? intBetween(rng, 1, 9) : 0,
      warningCount: rng() < 0.2 ? intBetween(rng, 1, 30) : 0,
      life: {
        createdAt: created,
        startAt: start,
        finishAt: start + intBetween(rng, 1, 900) * 1000,
        outcome: failed ? "failed" : "completed",
      },
    });
  }
  return specs.sort((a, b) => b.life.createdAt - a.life.createdAt);
}
