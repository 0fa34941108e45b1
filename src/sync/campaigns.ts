import { v2SentCampaignsPage } from "../api/v2/campaigns";
import { getV3Email, v3EmailsPage } from "../api/v3/emails";
import { asStorageError } from "../core/errors";
import { campaignActivitiesOf, campaignsOf, putCampaigns, putCampaignWithActivities } from "../db/campaigns";
import { campaignsDatasetId } from "../db/datasets";
import type { Campaign } from "../db/types";
import { campaignActivitiesFromV3, campaignFromV2, campaignFromV3, mayHaveSends } from "./campaignRows";
import { openSync, type SyncContext, type SyncOptions } from "./context";
import { runListRefresh } from "./listRefresh";
import { collectPages } from "./pages";

/**
 * Refreshes an account's campaigns: v2 SENT campaigns and/or v3 emails with their campaign
 * activities (the sends reports hang off those). A v3 campaign's detail is fetched only when it is
 * new or changed since the last refresh, so a refresh of an unchanged account costs one list call.
 */
export async function refreshCampaigns(accountId: string, options: SyncOptions = {}): Promise<void> {
  const ctx = await openSync(accountId, options);
  const base = { dataset: campaignsDatasetId(accountId), accountId, kind: "campaigns" as const };
  const now = () => ctx.deps.clock.now();
  await runListRefresh(base, now, options.signal, ctx.account.generations, (generation) =>
    generation === "v2" ? refreshV2(ctx) : refreshV3(ctx),
  );
}

async function refreshV2(ctx: SyncContext): Promise<number> {
  const rows = await collectPages((link) =>
    ctx.api("v2").call((client, signal) => v2SentCampaignsPage(client, link, signal)),
  );
  const now = ctx.deps.clock.now();
  await stored(
    putCampaigns(
      ctx.account.id,
      rows.map((row) => campaignFromV2(ctx.account.id, row, now)),
    ),
  );
  return rows.length;
}

async function refreshV3(ctx: SyncContext): Promise<number> {
  const accountId = ctx.account.id;
  const rows = await collectPages((link) =>
    ctx.api("v3").call((client, signal) => v3EmailsPage(client, link, signal)),
  );
  const held = new Map((await campaignsOf(accountId, "v3")).map((c) => [c.campaignId, c]));
  const now = ctx.deps.clock.now();
  const campaigns = rows.map((row) => campaignFromV3(accountId, row, now));
  const toDetail: Campaign[] = [];
  for (const campaign of campaigns) {
    if (mayHaveSends(campaign) && (await needsDetail(campaign, held.get(campaign.campaignId))))
      toDetail.push(campaign);
  }
  // A changed campaign is stored only with its new activities: stored alone, its new updatedAt
  // would hide the change from the next refresh if this one stopped before the detail.
  const detailed = new Set(toDetail);
  await stored(
    putCampaigns(
      ctx.account.id,
      campaigns.filter((c) => !detailed.has(c)),
    ),
  );
  for (const campaign of toDetail) {
    const detail = await ctx
      .api("v3")
      .call((client, signal) => getV3Email(client, campaign.campaignId, signal));
    const activities = campaignActivitiesFromV3(accountId, detail, ctx.deps.clock.now());
    await stored(putCampaignWithActivities(campaign, activities));
  }
  return campaigns.length;
}

async function needsDetail(campaign: Campaign, held: Campaign | undefined): Promise<boolean> {
  if (!held || held.updatedAt !== campaign.updatedAt || held.status !== campaign.status) return true;
  return (await campaignActivitiesOf(campaign.accountId, campaign.campaignId)).length === 0;
}

async function stored<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw asStorageError(error);
  }
}
