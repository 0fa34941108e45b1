// v2 bulk activities: a fixed cast that shows every status (some running while you watch, some
// failing with hundreds of error lines) plus filler spread over the last 16 days, so that both the
// "last 50" cap and the 14-day retention are visible.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../clock";
import { intBetween, pick, rngFor } from "../random";
import type { Lifecycle } from "./lifecycle";

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

type Cast = Omit<V2ActivitySpec, "id" | "life"> & { created: number; start: number; finish: number } & {
  outcome: Lifecycle["outcome"];
};

// Offsets are relative to the data anchor (ms). Infinity = never.
const CAST: Cast[] = [
  {
    type: "ADD_CONTACTS",
    created: -2 * MINUTE_MS,
    start: -MINUTE_MS,
    finish: 20 * MINUTE_MS,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 5000,
    errorCount: 12,
    warningCount: 4,
  },
  {
    type: "ADD_CONTACTS",
    created: -3 * MINUTE_MS,
    start: -2 * MINUTE_MS,
    finish: 4 * MINUTE_MS,
    outcome: "failed",
    waitingStatus: "QUEUED",
    contactCount: 1200,
    errorCount: 350,
    warningCount: 20,
  },
  {
    type: "ADD_CONTACTS",
    created: -30 * MINUTE_MS,
    start: Infinity,
    finish: Infinity,
    outcome: "completed",
    waitingStatus: "UNCONFIRMED",
    contactCount: 40,
    errorCount: 0,
    warningCount: 0,
  },
  {
    type: "REMOVE_CONTACTS_FROM_LISTS",
    created: -5 * MINUTE_MS,
    start: 2 * HOUR_MS,
    finish: 3 * HOUR_MS,
    outcome: "completed",
    waitingStatus: "PENDING",
    contactCount: 300,
    errorCount: 0,
    warningCount: 0,
  },
  {
    type: "CLEAR_CONTACTS_FROM_LISTS",
    created: -MINUTE_MS,
    start: 30 * MINUTE_MS,
    finish: 40 * MINUTE_MS,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 800,
    errorCount: 0,
    warningCount: 0,
  },
  {
    type: "ADD_CONTACTS",
    created: -HOUR_MS,
    start: -HOUR_MS + MINUTE_MS,
    finish: -50 * MINUTE_MS,
    outcome: "cancelled",
    waitingStatus: "QUEUED",
    contactCount: 900,
    errorCount: 0,
    warningCount: 0,
  },
  {
    type: "ADD_CONTACTS",
    created: -2 * DAY_MS,
    start: -2 * DAY_MS + MINUTE_MS,
    finish: -2 * DAY_MS + 9 * MINUTE_MS,
    outcome: "failed",
    waitingStatus: "QUEUED",
    contactCount: 2400,
    errorCount: 420,
    warningCount: 35,
  },
  {
    type: "EXPORT_CONTACTS",
    created: -3 * HOUR_MS,
    start: -3 * HOUR_MS + 20_000,
    finish: -3 * HOUR_MS + 60_000,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 71296,
    errorCount: 0,
    warningCount: 0,
  },
  {
    type: "REMOVE_CONTACTS_FROM_LISTS",
    created: -DAY_MS,
    start: -DAY_MS + 30_000,
    finish: -DAY_MS + 40_000,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 3,
    errorCount: 3,
    warningCount: 0,
  },
  // Just inside retention: it disappears (404) once the clock moves ~3 hours on.
  {
    type: "ADD_CONTACTS",
    created: -14 * DAY_MS + 3 * HOUR_MS,
    start: -14 * DAY_MS + 3 * HOUR_MS + MINUTE_MS,
    finish: -14 * DAY_MS + 3 * HOUR_MS + 2 * MINUTE_MS,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 77,
    errorCount: 1,
    warningCount: 0,
  },
  // Already past retention: never listed, 404 on detail.
  {
    type: "ADD_CONTACTS",
    created: -15 * DAY_MS,
    start: -15 * DAY_MS + MINUTE_MS,
    finish: -15 * DAY_MS + 2 * MINUTE_MS,
    outcome: "completed",
    waitingStatus: "QUEUED",
    contactCount: 10,
    errorCount: 0,
    warningCount: 0,
  },
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
    life: {
      createdAt: anchor + c.created,
      startAt: anchor + c.start,
      finishAt: anchor + c.finish,
      outcome: c.outcome,
    },
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
