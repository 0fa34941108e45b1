// GET /v3/emails (`limit` 1–500 default 50, `before_date`/`after_date` on updated_at, deleted
// campaigns included), GET /v3/emails/{campaign_id}, GET /v3/emails/activities/{id} and its
// send_history (one entry per send run, with a count).
import { iso } from "../../clock";
import { cursorInt, decodeCursor, encodeCursor } from "../../cursor";
import type { CampaignSpec } from "../../data/campaigns";
import { type SendSeries, sendCount, sendTime } from "../../data/sends";
import { v3BadParam, v3NotFound } from "../../errors";
import { dateParam, intParam, json } from "../../http";
import type { Ctx } from "../../router";

function summary(c: CampaignSpec) {
  return {
    campaign_id: c.v3Id,
    created_at: iso(c.createdAt),
    current_status: c.v3Status,
    name: c.name,
    type: c.type,
    type_code: c.typeCode,
    updated_at: iso(c.updatedAt),
  };
}

export function listV3Emails({ url, state }: Ctx): Response {
  let limit: number | null | undefined;
  let before: number | null | undefined;
  let after: number | null | undefined;
  let offset = 0;
  const next = url.searchParams.get("next");
  if (next !== null) {
    const c = decodeCursor("v3-emails", next);
    limit = c && cursorInt(c, "l");
    offset = (c && cursorInt(c, "o")) ?? -1;
    before = c ? cursorInt(c, "b") : null;
    after = c ? cursorInt(c, "a") : null;
    if (!limit || offset < 0 || before == null || after == null)
      return v3BadParam("emails", "next is not a valid cursor.");
  } else {
    limit = intParam(url, "limit", 1, 500);
    if (limit === null) return v3BadParam("emails", "limit must be an integer from 1 to 500.");
    before = dateParam(url, "before_date");
    after = dateParam(url, "after_date");
    if (before === null || after === null)
      return v3BadParam("emails", "before_date and after_date must be ISO-8601 date-times.");
  }
  const pageSize = limit ?? 50;
  const lo = after ?? 0;
  const hi = before || Number.MAX_SAFE_INTEGER;
  const matching = state.world.campaigns
    .filter((c) => c.updatedAt >= lo && c.updatedAt < hi)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const links: { next?: { href: string } } = {};
  if (offset + pageSize < matching.length) {
    const cursor = encodeCursor("v3-emails", { l: pageSize, o: offset + pageSize, a: lo, b: before ?? 0 });
    links.next = { href: `/v3/emails?next=${cursor}` };
  }
  return json(200, { campaigns: matching.slice(offset, offset + pageSize).map(summary), _links: links });
}

export function getV3Email({ params, state }: Ctx): Response {
  const c = state.world.campaignByV3Id.get(params.campaign_id ?? "");
  if (!c) return v3NotFound(`Email campaign ${params.campaign_id}`);
  const activities = [
    { campaign_activity_id: c.primaryActivityId, role: "primary_email" },
    { campaign_activity_id: c.permalinkActivityId, role: "permalink" },
    ...(c.resendActivityId ? [{ campaign_activity_id: c.resendActivityId, role: "resend" }] : []),
  ];
  return json(200, { campaign_activities: activities, ...summary(c) });
}

const ACTIVITY_STATUS = {
  Done: "DONE",
  Draft: "DRAFT",
  Scheduled: "SCHEDULED",
  Removed: "REMOVED",
  Executing: "EXECUTING",
};

export function getV3CampaignActivity({ params, state }: Ctx): Response {
  const ref = state.world.campaignActivity.get(params.campaign_activity_id ?? "");
  if (!ref || ref.campaign.v3Status === "Removed")
    return v3NotFound(`Campaign activity ${params.campaign_activity_id}`);
  const c = ref.campaign;
  const unsentResend = ref.role === "resend" && !ref.series;
  return json(200, {
    campaign_activity_id: params.campaign_activity_id,
    campaign_id: c.v3Id,
    role: ref.role,
    contact_list_ids: [...c.listIds],
    segment_ids: [],
    current_status: unsentResend ? "DRAFT" : ACTIVITY_STATUS[c.v3Status],
    format_type: 5,
    from_email: "news@example.com",
    from_name: "Mailroom Sandbox <Demo>",
    reply_to_email: "reply+sandbox@example.com",
    subject: `${c.name} — ${ref.role}`,
    preheader: "Sandbox data",
    html_content: "<html><body>[[trackingImage]]<p>Hello</p></body></html>",
    ...(ref.role === "permalink" ? { permalink_url: `https://conta.cc/${c.key}` } : {}),
  });
}

function historyOf(series: SendSeries | undefined, now: number) {
  if (!series) return [];
  const total = sendCount(series, now);
  const runs = [{ count: Math.min(total, series.baseCount), at: series.firstAt }];
  // A series still receiving sends shows its later sends as a second run.
  if (series.growth && total > series.baseCount) {
    runs.push({ count: total - series.baseCount, at: sendTime(series, series.baseCount) });
  }
  return runs.map((run, i) => ({
    send_id: i + 1,
    contact_list_ids: [...series.listIds],
    segment_ids: [],
    count: run.count,
    run_date: iso(run.at),
    send_status: "COMPLETED",
    reason_code: 0,
  }));
}

export function getV3SendHistory({ params, state }: Ctx): Response {
  const ref = state.world.campaignActivity.get(params.campaign_activity_id ?? "");
  if (!ref) return v3NotFound(`Campaign activity ${params.campaign_activity_id}`);
  return json(200, historyOf(ref.series, state.clock.now()));
}
