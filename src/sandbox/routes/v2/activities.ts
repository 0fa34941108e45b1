// GET /v2/activities (a bare array, the last 50, `status` and `type` filters) and
// GET /v2/activities/{id} (with error and warning lines; 404 once older than 14 days), and the file
// of a finished EXPORT_CONTACTS activity at its `file_name` URL (api_key and token needed too).
import { DAY_MS, iso } from "../../clock";
import { V2_ACTIVITY_TYPES, V2_STATUSES, type V2ActivitySpec } from "../../data/activitiesV2";
import { v2ErrorItem } from "../../data/errorLines";
import { exportCsv } from "../../data/exportCsv";
import { phaseAt, progressAt } from "../../data/lifecycle";
import { v2BadParam, v2NotFound } from "../../errors";
import { json } from "../../http";
import type { Ctx } from "../../router";

const RETENTION_MS = 14 * DAY_MS;
const LIST_SIZE = 50;
const FINAL_STATUS = {
  completed: "COMPLETE",
  failed: "ERROR",
  cancelled: "CANCELLED",
  timed_out: "ERROR",
} as const;

function isVisible(spec: V2ActivitySpec, now: number): boolean {
  return phaseAt(spec.life, now) !== "hidden" && now - spec.life.createdAt <= RETENTION_MS;
}

function statusAt(spec: V2ActivitySpec, now: number): string {
  const phase = phaseAt(spec.life, now);
  if (phase === "waiting") return spec.waitingStatus;
  if (phase === "running") return "RUNNING";
  return FINAL_STATUS[spec.life.outcome];
}

function errorsSoFar(spec: V2ActivitySpec, total: number, now: number): number {
  return phaseAt(spec.life, now) === "done" ? total : Math.floor(total * progressAt(spec.life, now));
}

function summary(spec: V2ActivitySpec, now: number) {
  const phase = phaseAt(spec.life, now);
  return {
    id: spec.id,
    type: spec.type,
    status: statusAt(spec, now),
    ...(phase === "running" || phase === "done" ? { start_date: iso(spec.life.startAt) } : {}),
    ...(phase === "done" ? { finish_date: iso(spec.life.finishAt) } : {}),
    created_date: iso(spec.life.createdAt),
    error_count: errorsSoFar(spec, spec.errorCount, now),
    contact_count: spec.contactCount,
  };
}

export function listV2Activities({ url, state }: Ctx): Response {
  const status = url.searchParams.get("status") ?? "ALL";
  const type = url.searchParams.get("type");
  if (status !== "ALL" && !V2_STATUSES.includes(status)) {
    return v2BadParam(`status must be one of ALL, ${V2_STATUSES.join(", ")}`);
  }
  if (type !== null && !(V2_ACTIVITY_TYPES as readonly string[]).includes(type)) {
    return v2BadParam(`type must be one of ${V2_ACTIVITY_TYPES.join(", ")}`);
  }
  const now = state.clock.now();
  const items = state.world.v2Activities
    .filter((spec) => isVisible(spec, now))
    .filter((spec) => status === "ALL" || statusAt(spec, now) === status)
    .filter((spec) => type === null || spec.type === type)
    .slice(0, LIST_SIZE)
    .map((spec) => summary(spec, now));
  return json(200, items);
}

export function getV2Activity({ url, params, state }: Ctx): Response {
  const now = state.clock.now();
  const spec = state.world.v2Activities.find((a) => a.id === params.activity_id);
  if (!spec || !isVisible(spec, now)) return v2NotFound(`Activity ${params.activity_id} not found.`);
  const seed = state.config.seed;
  const errors = Array.from({ length: errorsSoFar(spec, spec.errorCount, now) }, (_, i) =>
    v2ErrorItem(seed, spec.id, "error", i),
  );
  const warnings = Array.from({ length: errorsSoFar(spec, spec.warningCount, now) }, (_, i) =>
    v2ErrorItem(seed, spec.id, "warning", i),
  );
  const body: Record<string, unknown> = { ...summary(spec, now), errors, warnings };
  if (spec.type === "EXPORT_CONTACTS" && statusAt(spec, now) === "COMPLETE") {
    body.file_name = `${url.origin}/v2/activities/${spec.id}/file`;
  }
  return json(200, body);
}

export function getV2ExportFile({ params, state }: Ctx): Response {
  const now = state.clock.now();
  const spec = state.world.v2Activities.find((a) => a.id === params.activity_id);
  if (
    !spec ||
    !isVisible(spec, now) ||
    spec.type !== "EXPORT_CONTACTS" ||
    statusAt(spec, now) !== "COMPLETE"
  ) {
    return v2NotFound(`Export file of activity ${params.activity_id} not found.`);
  }
  return new Response(exportCsv(state.config.seed, spec.id, spec.contactCount), {
    status: 200,
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
}
