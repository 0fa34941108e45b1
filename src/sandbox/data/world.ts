// Everything the account holds, built once per sandbox from the seed and the data anchor. Only
// small spec lists live here; rows (sends, error lines) are generated when a page asks for them.
import { type Audience, buildAudience } from "../audience/audience";
import { type AccountSizes, type AudiencePreset, accountPlan } from "../audience/presets";
import { buildV2Activities, type V2ActivitySpec } from "./activitiesV2";
import { buildV3Activities, type V3ActivitySpec } from "./activitiesV3";
import { type CampaignSpec, campaignSpec } from "./campaigns";
import type { SendSeries } from "./sends";

export interface CampaignActivityRef {
  campaign: CampaignSpec;
  role: "primary_email" | "permalink" | "resend";
  /** Absent when this campaign activity was never sent. */
  series?: SendSeries;
}

export interface World {
  /** The account's people, its contact lists and who unsubscribed when. */
  audience: Audience;
  campaigns: CampaignSpec[];
  v2Activities: V2ActivitySpec[];
  v3Activities: V3ActivitySpec[];
  campaignByV2Id: Map<string, CampaignSpec>;
  campaignByV3Id: Map<string, CampaignSpec>;
  campaignActivity: Map<string, CampaignActivityRef>;
  seriesByKey: Map<string, SendSeries>;
}

/** The sizes a sandbox config sets (see SandboxConfig). */
export interface WorldSizes extends AccountSizes {
  audience: AudiencePreset;
  extraV3Activities: number;
}

export function buildWorld(seed: number, anchor: number, sizes: WorldSizes): World {
  const plan = accountPlan(sizes.audience, anchor, sizes);
  const audience = buildAudience(seed, anchor, plan.audienceSize, plan.lists);
  const world: World = {
    audience,
    campaigns: [],
    v2Activities: buildV2Activities(seed, anchor),
    v3Activities: buildV3Activities(seed, anchor, sizes.extraV3Activities),
    campaignByV2Id: new Map(),
    campaignByV3Id: new Map(),
    campaignActivity: new Map(),
    seriesByKey: new Map(),
  };
  plan.campaigns.forEach((c, n) => {
    addCampaign(world, campaignSpec(seed, anchor, audience, c, n));
  });
  return world;
}

/** Puts a campaign, its campaign activities and its send series in the world's indexes. */
export function addCampaign(world: World, campaign: CampaignSpec): void {
  // v2 ids mix a hash with the campaign's position: move one that collides out of the way.
  while (world.campaignByV2Id.has(campaign.v2Id)) campaign.v2Id = String(Number(campaign.v2Id) + 1_000_000);
  world.campaigns.push(campaign);
  world.campaignByV2Id.set(campaign.v2Id, campaign);
  world.campaignByV3Id.set(campaign.v3Id, campaign);
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

/** Takes a campaign out of the world again (a campaign sent at run time, on reset). */
export function removeCampaign(world: World, campaign: CampaignSpec): void {
  world.campaigns.splice(world.campaigns.indexOf(campaign), 1);
  world.campaignByV2Id.delete(campaign.v2Id);
  world.campaignByV3Id.delete(campaign.v3Id);
  for (const id of [campaign.primaryActivityId, campaign.permalinkActivityId, campaign.resendActivityId])
    if (id) world.campaignActivity.delete(id);
  for (const series of [campaign.primary, campaign.resend]) if (series) world.seriesByKey.delete(series.key);
}
