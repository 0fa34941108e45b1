// GET /v3/reports/email_reports/{campaign_activity_id}/tracking/sends: newest first, `limit`
// 1–500 (default 500), `_links.next`; 200 with an empty list for an activity never sent.
import { cursorInt, decodeCursor, encodeCursor } from "../../cursor";
import { sendCount, v3SendRow } from "../../data/sends";
import { v3BadParam, v3NotFound } from "../../errors";
import { intParam, json } from "../../http";
import type { Ctx } from "../../router";

export function listV3Sends({ url, params, state }: Ctx): Response {
  const id = params.campaign_activity_id ?? "";
  const ref = state.world.campaignActivity.get(id);
  if (!ref) return v3NotFound(`Campaign activity ${id}`);
  const tag = `v3-sends:${id}`;
  const series = ref.series;
  let before: number;
  let limit: number | null | undefined;
  const next = url.searchParams.get("next");
  if (next !== null) {
    const c = decodeCursor(tag, next);
    const b = c ? cursorInt(c, "b") : null;
    limit = c ? cursorInt(c, "l") : null;
    if (b == null || !limit) return v3BadParam("reporting", "next is not a valid cursor.");
    before = b;
  } else {
    limit = intParam(url, "limit", 1, 500);
    if (limit === null) return v3BadParam("reporting", "limit must be an integer from 1 to 500.");
    // The cursor pins where paging started, so sends arriving meanwhile do not shift the pages.
    before = series ? sendCount(series, state.clock.now()) : 0;
  }
  const pageSize = limit ?? 500;
  const end = Math.max(0, before - pageSize);
  const rows = [];
  for (let i = before - 1; i >= end && series; i--) rows.push(v3SendRow(state.config.seed, series, id, i));
  const links: { next?: { href: string } } = {};
  if (end > 0) {
    const cursor = encodeCursor(tag, { b: end, l: pageSize });
    links.next = { href: `/v3/reports/email_reports/${id}/tracking/sends?next=${cursor}` };
  }
  return json(200, { tracking_activities: rows, _links: links });
}
