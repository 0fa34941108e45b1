// GET /v2/emailmarketing/campaigns/{campaignId}/tracking/sends: newest first, `created_since`,
// `limit` 1–500 (default 500), `next_link` with a `?next=` cursor that must be used alone.
import { cursorInt, decodeCursor, encodeCursor } from "../../cursor";
import { firstIndexSince, sendCount, v2SendRow } from "../../data/sends";
import { v2BadParam, v2NotFound } from "../../errors";
import { dateParam, intParam, json } from "../../http";
import type { Ctx } from "../../router";
import { nextStandsAlone } from "./guard";

/** Which rows a page covers: indexes in [low, before), served from `before - 1` downwards. */
interface Window {
  before: number;
  low: number;
  limit: number;
}

export function listV2Sends({ url, params, state }: Ctx): Response {
  const campaign = state.world.campaignByV2Id.get(params.campaign_id ?? "");
  if (!campaign) return v2NotFound(`Campaign ${params.campaign_id} not found.`);
  const series = campaign.primary;
  const now = state.clock.now();
  const count = series ? sendCount(series, now) : 0;
  const tag = `v2-sends:${campaign.v2Id}`;
  let window: Window;
  const next = url.searchParams.get("next");
  if (next !== null) {
    if (!nextStandsAlone(url))
      return v2BadParam("The next parameter cannot be combined with other parameters.");
    const c = decodeCursor(tag, next);
    const [before, low, limit] = c ? [cursorInt(c, "b"), cursorInt(c, "lo"), cursorInt(c, "l")] : [];
    if (before == null || low == null || !limit) return v2BadParam("Invalid next value.");
    window = { before, low, limit };
  } else {
    const since = dateParam(url, "created_since");
    if (since === null) return v2BadParam("created_since must be an ISO-8601 date.");
    const limit = intParam(url, "limit", 1, 500);
    if (limit === null) return v2BadParam("limit must be an integer from 1 to 500.");
    const low = series && since !== undefined ? firstIndexSince(series, count, since) : 0;
    window = { before: count, low, limit: limit ?? 500 };
  }
  const rows = [];
  const end = Math.max(window.low, window.before - window.limit);
  for (let i = window.before - 1; i >= end && series; i--)
    rows.push(v2SendRow(state.config.seed, series, campaign.v2Id, i));
  const pagination: Record<string, string> = {};
  if (end > window.low) {
    const cursor = encodeCursor(tag, { b: end, lo: window.low, l: window.limit });
    pagination.next_link = `/v2/emailmarketing/campaigns/${campaign.v2Id}/tracking/sends?next=${cursor}`;
  }
  return json(200, { meta: { pagination }, results: rows });
}
