// GET /v2/emailmarketing/campaigns/{campaignId}/tracking/reports/summary: a campaign's tracking
// totals. `sends` is the count its sends report reaches (what a client checks a finished list
// against); the sandbox models no engagement, so the other totals are zero.
import { sendCount } from "../../data/sends";
import { v2NotFound } from "../../errors";
import { json } from "../../http";
import type { Ctx } from "../../router";

export function getV2TrackingSummary({ params, state }: Ctx): Response {
  const campaign = state.world.campaignByV2Id.get(params.campaign_id ?? "");
  if (!campaign) return v2NotFound(`Campaign ${params.campaign_id} not found.`);
  const sends = campaign.primary ? sendCount(campaign.primary, state.clock.now()) : 0;
  return json(200, { sends, opens: 0, clicks: 0, forwards: 0, unsubscribes: 0, bounces: 0, spam_count: 0 });
}
