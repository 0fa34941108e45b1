import { writeForAccount } from "./accounts";
import { db } from "./db";
import type { Campaign, CampaignActivity, Generation } from "./types";

export function campaignsOf(accountId: string, generation: Generation): Promise<Campaign[]> {
  return db()
    .campaigns.where("[accountId+generation+campaignId]")
    .between([accountId, generation, ""], [accountId, generation, "\uffff"])
    .toArray();
}

export function campaignActivitiesOf(accountId: string, campaignId: string): Promise<CampaignActivity[]> {
  return db().campaignActivities.where("[accountId+campaignId]").equals([accountId, campaignId]).toArray();
}

/** One campaign with its activities, written together so the list never shows one without the other. */
export function putCampaignWithActivities(campaign: Campaign, activities: CampaignActivity[]): Promise<void> {
  return writeForAccount(campaign.accountId, [db().campaigns, db().campaignActivities], async () => {
    await db().campaigns.put(campaign);
    await db().campaignActivities.bulkPut(activities);
  });
}

export function putCampaigns(accountId: string, rows: Campaign[]): Promise<unknown> {
  return writeForAccount(accountId, [db().campaigns], () => db().campaigns.bulkPut(rows));
}
