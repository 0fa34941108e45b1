// GET /v3/activities (`limit` 1–500 default 50, `state` filter, `_links.next`),
// GET /v3/activities/{activity_id} (404 after 10 days) and the export file behind
// `_links.results.href` (GET /v3/contact_exports/{file_export_id}, text/csv).
import { DAY_MS } from "../../clock";
import { cursorInt, decodeCursor, encodeCursor } from "../../cursor";
import { V3_STATE_FILTERS, type V3ActivitySpec } from "../../data/activitiesV3";
import { exportCsv } from "../../data/exportCsv";
import { phaseAt } from "../../data/lifecycle";
import { v3BadParam, v3NotFound } from "../../errors";
import { intParam, json } from "../../http";
import type { Ctx } from "../../router";
import { v3ActivityJson, v3StateAt } from "./activityJson";

const RETENTION_MS = 10 * DAY_MS;

function isVisible(spec: V3ActivitySpec, now: number): boolean {
  return phaseAt(spec.life, now) !== "hidden" && now - spec.life.createdAt <= RETENTION_MS;
}

export function listV3Activities({ url, state }: Ctx): Response {
  let filter = url.searchParams.get("state");
  let limit: number | null | undefined;
  let offset = 0;
  const next = url.searchParams.get("next");
  if (next !== null) {
    const c = decodeCursor("v3-activities", next);
    limit = c ? cursorInt(c, "l") : null;
    offset = (c && cursorInt(c, "o")) ?? -1;
    filter = c && typeof c.st === "string" ? c.st : null;
    if (!limit || offset < 0) return v3BadParam("activities", "next is not a valid cursor.");
  } else {
    limit = intParam(url, "limit", 1, 500);
    if (limit === null) return v3BadParam("activities", "limit must be an integer from 1 to 500.");
    if (filter !== null && !V3_STATE_FILTERS.includes(filter)) {
      return v3BadParam("activities", `state must be one of ${V3_STATE_FILTERS.join(", ")}.`);
    }
  }
  const pageSize = limit ?? 50;
  const now = state.clock.now();
  const matching = state.world.v3Activities
    .filter((spec) => isVisible(spec, now))
    .filter((spec) => !filter || v3StateAt(spec.life, now) === filter);
  const page = matching.slice(offset, offset + pageSize);
  const links: { next?: { href: string } } = {};
  if (offset + pageSize < matching.length) {
    const cursor = encodeCursor("v3-activities", { l: pageSize, o: offset + pageSize, st: filter ?? "" });
    links.next = { href: `/v3/activities?next=${cursor}` };
  }
  return json(200, {
    activities: page.map((spec) => v3ActivityJson(state.config.seed, spec, now)),
    _links: links,
  });
}

function findVisible(ctx: Ctx, id: string | undefined): V3ActivitySpec | undefined {
  const now = ctx.state.clock.now();
  const spec = ctx.state.world.v3Activities.find((a) => a.id === id);
  return spec && isVisible(spec, now) ? spec : undefined;
}

export function getV3Activity(ctx: Ctx): Response {
  const spec = findVisible(ctx, ctx.params.activity_id);
  if (!spec) return v3NotFound(`Activity ${ctx.params.activity_id}`);
  return json(200, v3ActivityJson(ctx.state.config.seed, spec, ctx.state.clock.now()));
}

export function getV3ContactExport(ctx: Ctx): Response {
  const spec = findVisible(ctx, ctx.params.file_export_id);
  const now = ctx.state.clock.now();
  if (spec?.kind !== "export" || v3StateAt(spec.life, now) !== "completed") {
    return v3NotFound(`Export file ${ctx.params.file_export_id}`);
  }
  return new Response(exportCsv(ctx.state.config.seed, spec.id, spec.itemsTotal), {
    status: 200,
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
}
