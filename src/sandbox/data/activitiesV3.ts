// v3 bulk activities: every state (initialized, processing, completed, cancelled, failed,
// timed_out), some progressing while you watch, one failing with hundreds of errors, one contact
// export whose results link serves a CSV, and filler over the last 12 days (retention is 10).
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../clock";
import { intBetween, pick, rngFor, uuidFor } from "../random";
import type { Lifecycle } from "./lifecycle";

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

const M = MINUTE_MS;
const CAST: Cast[] = [
  {
    kind: "import",
    created: -2 * M,
    start: -M,
    finish: 25 * M,
    outcome: "completed",
    items: 8000,
    errors: 40,
    file: "spring-import.csv",
  },
  {
    kind: "import",
    created: -4 * M,
    start: -3 * M,
    finish: 5 * M,
    outcome: "failed",
    items: 3000,
    errors: 380,
    file: '=bad,file "quoted".xlsx',
  },
  {
    kind: "list_add",
    created: -M,
    start: Infinity,
    finish: Infinity,
    outcome: "completed",
    items: 200,
    errors: 0,
  },
  {
    kind: "export",
    created: -2 * HOUR_MS,
    start: -2 * HOUR_MS + 10_000,
    finish: -2 * HOUR_MS + 70_000,
    outcome: "completed",
    items: 1500,
    errors: 0,
  },
  {
    kind: "export",
    created: -10 * M,
    start: -9 * M,
    finish: 20 * M,
    outcome: "completed",
    items: 50_000,
    errors: 0,
  },
  {
    kind: "list_remove",
    created: -5 * HOUR_MS,
    start: -5 * HOUR_MS + M,
    finish: -5 * HOUR_MS + 2 * M,
    outcome: "cancelled",
    items: 700,
    errors: 0,
  },
  {
    kind: "delete",
    created: -DAY_MS,
    start: -DAY_MS + M,
    finish: -DAY_MS + 61 * M,
    outcome: "timed_out",
    items: 9000,
    errors: 0,
  },
  {
    kind: "import",
    created: -3 * DAY_MS,
    start: -3 * DAY_MS + M,
    finish: -3 * DAY_MS + 6 * M,
    outcome: "failed",
    items: 1200,
    errors: 450,
    file: "contacts, final (2).csv",
  },
  // Just inside retention: 404 once the clock moves ~3 hours on.
  {
    kind: "import",
    created: -10 * DAY_MS + 3 * HOUR_MS,
    start: -10 * DAY_MS + 3 * HOUR_MS + M,
    finish: -10 * DAY_MS + 3 * HOUR_MS + 2 * M,
    outcome: "completed",
    items: 60,
    errors: 0,
    file: "old.csv",
  },
  // Past retention already.
  {
    kind: "import",
    created: -11 * DAY_MS,
    start: -11 * DAY_MS + M,
    finish: -11 * DAY_MS + 2 * M,
    outcome: "completed",
    items: 10,
    errors: 0,
    file: "older.csv",
  },
];

const FILLER = 60;
const KINDS: readonly V3ActivityKind[] = ["import", "export", "list_add", "list_remove", "delete"];

export function buildV3Activities(seed: number, anchor: number): V3ActivitySpec[] {
  const specs: V3ActivitySpec[] = CAST.map((c, n) => ({
    id: uuidFor(seed, "v3-activity", n),
    kind: c.kind,
    life: {
      createdAt: anchor + c.created,
      startAt: anchor + c.start,
      finishAt: anchor + c.finish,
      outcome: c.outcome,
    },
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
  return specs.sort((a, b) => b.life.createdAt - a.life.createdAt);
}
