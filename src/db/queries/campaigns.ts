import { parseSendsDatasetId, sendsDatasetId } from "../datasets";
import { db } from "../db";
import type { Campaign, CampaignActivity } from "../types";
import { accountRange } from "./activities";

/** One send list of a campaign: a v2 campaign, or a v3 primary_email / resend activity. */
export interface SendList {
  dataset: string;
  /** "sends" for v2; the v3 campaign activity's role otherwise. */
  role: string;
}

export interface CampaignWithLists {
  campaign: Campaign;
  sendLists: SendList[];
}

// v3 keeps sends reports for these roles only (a permalink is never "sent").
const SENT_ROLES = new Set(["primary_email", "resend"]);

function lastActivity(c: Campaign): string {
  return c.lastRunAt ?? c.updatedAt ?? c.createdAt ?? "";
}

/**
 * The campaigns of an account that have send lists (v2 SENT campaigns, v3 emails with a
 * primary_email or resend activity), most recently run first.
 */
export async function loadCampaignsWithLists(accountId: string): Promise<CampaignWithLists[]> {
  const [campaigns, activities] = await Promise.all([
    db().campaigns.where("accountId").equals(accountId).toArray(),
    db()
      .campaignActivities.where("[accountId+campaignActivityId]")
      .between(...accountRange(accountId))
      .toArray(),
  ]);
  const byCampaign = new Map<string, CampaignActivity[]>();
  for (const activity of activities) {
    if (!SENT_ROLES.has(activity.role)) continue;
    byCampaign.set(activity.campaignId, [...(byCampaign.get(activity.campaignId) ?? []), activity]);
  }
  const rows: CampaignWithLists[] = [];
  for (const campaign of campaigns) {
    if (campaign.generation === "v2") {
      if (campaign.status.toUpperCase() !== "SENT") continue;
      rows.push({
        campaign,
        sendLists: [{ dataset: sendsDatasetId(accountId, "v2", campaign.campaignId), role: "sends" }],
      });
      continue;
    }
    const lists = (byCampaign.get(campaign.campaignId) ?? []).map((a) => ({
      dataset: sendsDatasetId(accountId, "v3", a.campaignActivityId),
      role: a.role,
    }));
    if (lists.length > 0) rows.push({ campaign, sendLists: lists });
  }
  return rows.sort((a, b) => lastActivity(b.campaign).localeCompare(lastActivity(a.campaign)));
}

/** "Spring sale" (or "Newsletter · resend"): the name of the campaign a send list belongs to. */
export async function loadSendListTitle(dataset: string): Promise<string | undefined> {
  return (await loadSendListTitles([dataset])).get(dataset);
}

/**
 * The titles of several send lists at once, in two reads in all (their v3 activities, then every
 * campaign): a person's history names a campaign per list it found them in. A dataset that does
 * not parse (a mistyped or truncated address: the screen says the list is not cached), or whose
 * campaign is not cached, has no title.
 */
export async function loadSendListTitles(
  datasets: readonly string[],
): Promise<Map<string, string | undefined>> {
  const parsed = datasets.flatMap((dataset) => {
    try {
      return [{ dataset, ...parseSendsDatasetId(dataset) }];
    } catch {
      return [];
    }
  });
  const v3 = parsed.filter((list) => list.generation === "v3");
  const activities = await db().campaignActivities.bulkGet(v3.map((list) => [list.accountId, list.reportId]));
  const activityOf = new Map(v3.map((list, i) => [list.dataset, activities[i]]));
  const campaignKeys = parsed.map((list): [string, string, string] => {
    if (list.generation === "v2") return [list.accountId, "v2", list.reportId];
    return [list.accountId, "v3", activityOf.get(list.dataset)?.campaignId ?? ""];
  });
  const campaigns = await db().campaigns.bulkGet(campaignKeys);
  const titles = new Map<string, string | undefined>(datasets.map((dataset) => [dataset, undefined]));
  parsed.forEach((list, i) => {
    const name = campaigns[i]?.name;
    const activity = activityOf.get(list.dataset);
    if (list.generation === "v3" && !activity) return;
    titles.set(list.dataset, name && activity?.role === "resend" ? `${name} · resend` : name);
  });
  return titles;
}
