import type { V2Campaign } from "../api/schemas/v2";
import type { V3Email, V3EmailDetail } from "../api/schemas/v3";
import type { Campaign, CampaignActivity } from "../db/types";

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export function campaignFromV2(accountId: string, row: V2Campaign, now: number): Campaign {
  return {
    accountId,
    generation: "v2",
    campaignId: row.id,
    name: row.name ?? `Campaign ${row.id}`,
    status: row.status,
    createdAt: opt(row.created_date),
    updatedAt: opt(row.modified_date),
    lastRunAt: opt(row.last_run_date),
    fetchedAt: now,
    raw: row,
  };
}

export function campaignFromV3(accountId: string, row: V3Email, now: number): Campaign {
  return {
    accountId,
    generation: "v3",
    campaignId: row.campaign_id,
    name: row.name ?? `Campaign ${row.campaign_id}`,
    status: row.current_status ?? "unknown",
    createdAt: opt(row.created_at),
    updatedAt: opt(row.updated_at),
    fetchedAt: now,
    raw: row,
  };
}

export function campaignActivitiesFromV3(
  accountId: string,
  detail: V3EmailDetail,
  now: number,
): CampaignActivity[] {
  return (detail.campaign_activities ?? []).map((a) => ({
    accountId,
    campaignId: detail.campaign_id,
    campaignActivityId: a.campaign_activity_id,
    role: a.role,
    status: opt(a.current_status),
    fetchedAt: now,
  }));
}

/** Campaigns that were never sent have no sends report: their activities are not worth a request. */
export function mayHaveSends(campaign: Campaign): boolean {
  const status = campaign.status.toLowerCase();
  return status !== "draft" && status !== "scheduled";
}
