import { parseSendsDatasetId } from "../db/datasets";
import { db } from "../db/db";
import type { SendContext } from "./columns";

/**
 * The display name of each send list's campaign, read once before the export starts (a handful of
 * gets, not one per row). v2 lists are campaigns; a v3 list is a campaign activity whose campaign
 * holds the name. A list whose campaign is not cached is named by its report id.
 */
export async function campaignNameOf(dataset: string): Promise<string> {
  const { accountId, generation, reportId } = parseSendsDatasetId(dataset);
  let campaignId = reportId;
  if (generation === "v3") {
    const activity = await db().campaignActivities.get([accountId, reportId]);
    if (!activity) return reportId;
    campaignId = activity.campaignId;
  }
  const campaign = await db().campaigns.get([accountId, generation, campaignId]);
  return campaign?.name ?? reportId;
}

export async function sendContext(datasets: readonly string[]): Promise<SendContext> {
  const names = new Map<string, string>();
  for (const dataset of datasets) names.set(dataset, await campaignNameOf(dataset));
  return { campaignName: (dataset) => names.get(dataset) ?? dataset };
}
