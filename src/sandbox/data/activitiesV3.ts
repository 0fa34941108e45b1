// v3 bulk activities: every state (initialized, processing, completed, cancelled, failed,
// timed_out), some progressing while you watch, one failing with hundreds of errors, one contact
// export whose results link serves a CSV, and filler over the last 12 days (retention is 10).
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../clock";
import { intBetween, pick, rngFor, uuidFor } from "../random";
import { type Lifecycle, lifeAt } from "./lifecycle";

/** What the activity did. v3 has no type field: the kind shows only in its file name and links. */
export type V3ActivityKind = "import" | "export" | "list_add" | "list_remove" | "delete";

export const V3_STATES = ["initialized", "processing", "completed", "cancelled", "failed", "timed_out"];
/** Valid values of the list's `state` filter: `initialized` is a state but not a filter. */
export const V3_STATE_FILTERS = ["processing", "completed", "cancelled", "failed", "timed_out"];

export interface V3ActivitySpec {
  id: string;
  kind: V3ActivityKind;
  life: Lifecycle;
  itemsTotal: number;
  personCount: number;
  errorCount: number;
  listCount: number;
  sourceFileName?: string;
}

interface Cast {
  kind: V3ActivityKind;
  created: number;
  start: number;
  finish: number;
  outcome: Lifecycle["outcome"];
  items: number;
  errors: number;
  file?: string;
}

/** A cast member created at `created` (offset from the anchor), starting `startIn` later, running `runFor`. */
function cast(
  kind: V3ActivityKind,
  created: number,
  [startIn, runFor]: [number, number],
  outcome: Lifecycle["outcome"],
  [items, errors]: [number, number],
  file?: string,
): Cast {
  const start = created + startIn;
  return { kind, created, start, finish: start + runFor, outcome, items, errors, file };
}

const M = MINUTE_MS;
const CAST: Cast[] = [
  // Running while you watch: one completes, one fails with hundreds of errors.
  cast("import", -2 * M, [M, 26 * M], "completed", [8000, 40], "spring-import.csv"),
  cast("import", -4 * M, [M, 8 * M], "failed", [3000, 380], '=bad,file "quoted".xlsx'),
  // initialized forever.
  cast("list_add", -M, [Infinity, 0], "completed", [200, 0]),
  cast("export", -2 * HOUR_MS, [10_000, 60_000], "completed", [1500, 0]),
  cast("export", -10 * M, [M, 29 * M], "completed", [50_000, 0]),
  cast("list_remove", -5 * HOUR_MS, [M, M], "cancelled", [700, 0]),
  cast("delete", -DAY_MS, [M, HOUR_MS], "timed_out", [9000, 0]),
  cast("import", -3 * DAY_MS, [M, 5 * M], "failed", [1200, 450], "contacts, final (2).csv"),
  // Just inside retention: 404 once the clock moves ~3 hours on.
  cast("import", -10 * DAY_MS + 3 * HOUR_MS, [M, M], "completed", [60, 0], "old.csv"),
  // Past retention already.
  cast("import", -11 * DAY_MS, [M, M], "completed", [10, 0], "older.csv"),
];

const FILLER = 60;
const KINDS: readonly V3ActivityKind[] = ["import", "export", "list_add", "list_remove", "delete"];

export function buildV3Activities(seed: number, anchor: number, extra = 0): V3ActivitySpec[] {
  const specs: V3ActivitySpec[] = CAST.map((c, n) => ({
    id: uuidFor(seed, "v3-activity", n),
    kind: c.kind,
    life: lifeAt(anchor, c),
    itemsTotal: c.items,
    personCount: c.kind === "import" ? c.items : 0,
    errorCount: c.errors,
    listCount: c.kind === "list_add" || c.kind === "list_remove" ? 3 : c.kind === "import" ? 1 : 0,
    sourceFileName: c.file,
  }));
  for (let n = 0; n < FILLER; n++) {
    const rng = rngFor(seed, "v3-filler", n);
    const kind = pick(rng, KINDS);
    const created = anchor - Math.floor(rng() * 12 * DAY_MS) - 6 * HOUR_MS;
    const start = created + intBetween(rng, 5, 300) * 1000;
    const failed = rng() < 0.12;
    const items = intBetween(rng, 1, 30_000);
    specs.push({
      id: uuidFor(seed, "v3-activity", CAST.length + n),
      kind,
      life: {
        createdAt: created,
        startAt: start,
        finishAt: start + intBetween(rng, 1, 600) * 1000,
        outcome: failed ? "failed" : "completed",
      },
      itemsTotal: items,
      personCount: kind === "import" ? items : 0,
      errorCount: failed ? intBetween(rng, 100, 300) : 0,
      listCount: kind === "list_add" || kind === "list_remove" ? intBetween(rng, 1, 5) : 0,
      sourceFileName: kind === "import" ? `import-${n}.csv` : undefined,
    });
  }
  specs.push(...extraActivities(seed, anchor, CAST.length + FILLER, extra));
  return specs.sort((a, b) => b.life.createdAt - a.life.createdAt);
}

/** `extra` finished list additions, within retention (1–9 days old), so each one is listed. */
function extraActivities(seed: number, anchor: number, firstIndex: number, extra: number): V3ActivitySpec[] {
  return Array.from({ length: extra }, (_, n) => {
    const created = anchor - DAY_MS - Math.floor(rngFor(seed, "v3-extra", n)() * 8 * DAY_MS);
    return {
      id: uuidFor(seed, "v3-activity", firstIndex + n),
      kind: "list_add" as const,
      life: { createdAt: created, startAt: created + 5000, finishAt: created + 65_000, outcome: "completed" },
      itemsTotal: 10,
      personCount: 0,
      errorCount: 0,
      listCount: 1,
    };
  });
}
