// The spec's `Activity` object for a v3 bulk activity at a moment of simulated time.
import { iso } from "../../clock";
import type { V3ActivitySpec } from "../../data/activitiesV3";
import { v3ErrorLine } from "../../data/errorLines";
import { type Lifecycle, phaseAt, progressAt, updatedAt } from "../../data/lifecycle";

export function v3StateAt(life: Lifecycle, now: number): string {
  const phase = phaseAt(life, now);
  if (phase === "waiting" || phase === "hidden") return "initialized";
  if (phase === "running") return "processing";
  return life.outcome;
}

export function v3ActivityJson(seed: number, spec: V3ActivitySpec, now: number) {
  const phase = phaseAt(spec.life, now);
  const state = v3StateAt(spec.life, now);
  const progress = progressAt(spec.life, now);
  const done = Math.floor(spec.itemsTotal * progress);
  const errorCount = phase === "done" ? spec.errorCount : Math.floor(spec.errorCount * progress);
  const links: { self: { href: string }; results?: { href: string } } = {
    self: { href: `/v3/activities/${spec.id}` },
  };
  if (spec.kind === "export" && state === "completed")
    links.results = { href: `/v3/contact_exports/${spec.id}` };
  return {
    activity_id: spec.id,
    state,
    ...(phase === "running" || phase === "done" ? { started_at: iso(spec.life.startAt) } : {}),
    ...(phase === "done" ? { completed_at: iso(spec.life.finishAt) } : {}),
    created_at: iso(spec.life.createdAt),
    updated_at: iso(updatedAt(spec.life, now)),
    ...(spec.sourceFileName !== undefined ? { source_file_name: spec.sourceFileName } : {}),
    percent_done: Math.floor(progress * 100),
    activity_errors: Array.from({ length: errorCount }, (_, i) => v3ErrorLine(seed, spec.id, i)),
    status: {
      items_total_count: spec.itemsTotal,
      items_completed_count: done,
      person_count: Math.floor(spec.personCount * progress),
      error_count: errorCount,
      correctable_count: Math.floor(errorCount / 2),
      cannot_add_to_list_count: spec.kind === "import" ? Math.floor(done / 500) : 0,
      list_count: spec.listCount,
    },
    _links: links,
  };
}
