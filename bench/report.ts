import { writeFileSync } from "node:fs";

export type Results = Record<string, Record<string, number | string | boolean>>;

/**
 * Each figure next to its goal, as the issues state them (issue 14's targets for the send store;
 * the bundle and the paging goals from the issues before it, which it leaves alone). The sync and
 * export ratios are printed without one: the "raw" limit they divide by became the store's own
 * chunk write and read with issue 14, not the plain row bulkPut and keyset read the 0.8 goal was
 * set against (README, Performance). A figure that is not a number (a search not answered) misses
 * its goal.
 */
const GOALS: Record<string, (value: number | string | boolean, results: Results) => string> = {
  "list.search_warm_ms": (v) => goal(Number(v) <= 50, "≤ 50"),
  "list.search_broad_warm_ms": (v) => goal(Number(v) <= 50, "≤ 50"),
  "list.search_substring_warm_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "people.lookup_ms": (v) => goal(Number(v) <= 50, "≤ 50"),
  "people.search_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "people.compare_ms": (v) => goal(Number(v) <= 1_000, "≤ 1,000"),
  "people.frequency_ms": (v) => goal(Number(v) <= 3_000, "≤ 3,000"),
  "people.long_tasks_over_50ms": (v) => goal(Number(v) === 0, "= 0"),
  "sync.rows_per_s": (v) => goal(Number(v) >= 10_000, "≥ 10,000"),
  "sync.requests": (v, r) => goal(Number(v) <= Math.ceil(Number(r.env?.sends) / 500) + 3, "≤ ⌈N/500⌉ + 3"),
  "sync.long_tasks_over_50ms": (v) => goal(Number(v) === 0, "= 0"),
  "storage.bytes_per_send": (v) => goal(Number(v) <= 120, "≤ 120"),
  "resync.requests": (v) => goal(Number(v) <= 2, "≤ 2"),
  "paced.requests_per_s": (v) => goal(Number(v) >= 3.8, "≥ 3.8"),
  "paced.throttled": (v) => goal(Number(v) === 0, "= 0"),
  "export.rows_per_s": (v) => goal(Number(v) >= 200_000, "≥ 200,000"),
  "export.heap_growth_mb": (v) => goal(Number(v) <= 64, "≤ 64"),
  "list.first_paint_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "list.search_ms": (v) => goal(Number(v) <= 50, "≤ 50"),
  "list.search_broad_ms": (v) => goal(Number(v) <= 50, "≤ 50"),
  "list.search_substring_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "list.search_substring_domain_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "list.search_substring_surname_ms": (v) => goal(Number(v) <= 100, "≤ 100"),
  "list.long_tasks_over_50ms": (v) => goal(Number(v) === 0, "= 0"),
  "list.last_row_reached": (v) => goal(v === true, "true"),
  "bundle.initial_js_gz_kb": (v) => goal(Number(v) <= 65, "≤ 65"),
  "startup.offline_first_data_ms": (v) => goal(Number(v) <= 500, "≤ 500"),
};

function goal(met: boolean, text: string): string {
  return `${met ? "met" : "MISSED"} (${text})`;
}

export function writeReport(results: Results, out: string): void {
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const rows: string[][] = [];
  for (const [section, figures] of Object.entries(results)) {
    for (const [name, value] of Object.entries(figures)) {
      const key = `${section}.${name}`;
      rows.push([key, String(value), GOALS[key]?.(value, results) ?? ""]);
    }
  }
  const width = (i: number) => Math.max(...rows.map((row) => row[i]?.length ?? 0));
  for (const row of rows)
    console.log(`  ${row[0]?.padEnd(width(0))}  ${row[1]?.padStart(width(1))}  ${row[2]}`);
  console.log(`\n  Written to ${out}`);
}
