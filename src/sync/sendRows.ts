import type { V2Send } from "../api/schemas/v2";
import type { V3Send as V3SendRow } from "../api/schemas/v3";
import type { Send } from "../db/types";

/** ISO 8601 UTC with milliseconds, so that string order is time order (the key relies on it). */
export function normaliseInstant(value: string): string {
  return new Date(value).toISOString();
}

export function sendFromV2(dataset: string, campaignId: string, row: V2Send): Send {
  return {
    dataset,
    contactId: row.contact_id,
    email: row.email_address,
    sentAt: normaliseInstant(row.send_date),
    campaignId: row.campaign_id ?? campaignId,
  };
}

export function sendFromV3(dataset: string, campaignActivityId: string, row: V3SendRow): Send {
  const send: Send = {
    dataset,
    contactId: row.contact_id,
    email: row.email_address,
    sentAt: normaliseInstant(row.created_time),
    campaignActivityId: row.campaign_activity_id ?? campaignActivityId,
  };
  if (row.first_name) send.firstName = row.first_name;
  if (row.last_name) send.lastName = row.last_name;
  if (row.deleted_at) send.deletedAt = row.deleted_at;
  return send;
}
