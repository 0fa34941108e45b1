// Everything the account holds, built once per sandbox from the seed and the data anchor. Only
// small spec lists live here; rows (sends, error lines) are generated when a page asks for them.
import { buildV2Activities, type V2ActivitySpec } from "./activitiesV2";
import { buildV3Activities, type V3ActivitySpec } from "./activitiesV3";
import { buildCampaigns, type CampaignSpec } from "./campaigns";
import type { SendSeries } from "./sends";

export interface CampaignActivityRef {
  campaign: CampaignSpec;
  role: "primary_email" | "permalink" | "resend";
  /** Absent when this campaign activity was never sent. */
  series?: SendSeries;
}

export interface World {
  campaigns: CampaignSpec[];
  v2Activities: V2ActivitySpec[];
  v3Activities: V3ActivitySpec[];
  campaignByV2Id: Map<string, CampaignSpec>;
  campaignByV3Id: Map<string, CampaignSpec>;
  campaignActivity: Map<string, CampaignActivityRef>;
  seriesByKey: Map<string, SendSeries>;
}

/** The sizes a sandbox config sets (see SandboxConfig). */
export interface WorldSizes {
  bigCampaignSends: number;
  extraV3Activities: number;
  extraCampaigns: number;
}

export function buildWorld(seed: number, anchor: number, sizes: WorldSizes): World {
  const campaigns = buildCampaigns(seed, anchor, sizes.bigCampaignSends, sizes.extraCampaigns);
  const world: World = {
    campaigns,
    v2Activities: buildV2Activities(seed, anchor),
    v3Activities: buildV3Activities(seed, anchor, sizes.extraV3Activities),
    campaignByV2Id: new Map(campaigns.map((c) => [c.v2Id, c])),
    campaignByV3Id: new Map(campaigns.map((c) => [c.v3Id, c])),
    campaignActivity: new Map(),
    seriesByKey: new Map(),
  };
  for (const campaign of campaigns) {
    world.campaignActivity.set(campaign.primaryActivityId, {
      campaign,
      role: "primary_email",
      series: campaign.primary,
    });
    world.campaignActivity.set(campaign.permalinkActivityId, { campaign, role: "permalink" });
    if (campaign.resendActivityId) {
      world.campaignActivity.set(campaign.resendActivityId, {
        campaign,
        role: "resend",
        series: campaign.resend,
      });
    }
    for (const series of [campaign.primary, campaign.resend])
      if (series) world.seriesByKey.set(series.key, series);
  }
  return world;
}
