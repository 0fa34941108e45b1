// The account's email campaigns, the same ones seen through v2 (numeric ids) and v3 (UUIDs, with
// primary_email / permalink / resend campaign activities). Each sent campaign went to contact lists
// of the account's audience (audience/): which campaigns there are is the preset's business
// (audience/presets.ts); this file turns a plan into the spec the routes serve.

import type { Audience } from "../audience/audience";
import { listsByKey } from "../audience/audience";
import { primarySeries, resendSeries } from "../audience/series";
import { DAY_MS, HOUR_MS } from "../clock";
import { hashKeys, uuidFor } from "../random";
import type { SendSeries } from "./sends";

export interface CampaignSpec {
  key: string;
  name: string;
  v2Id: string;
  v3Id: string;
  v2Status: "SENT" | "DRAFT" | "SCHEDULED" | "DELETED" | "RUNNING";
  v3Status: "Done" | "Draft" | "Scheduled" | "Removed" | "Executing";
  type: string;
  typeCode: number;
  createdAt: number;
  updatedAt: number;
  lastRunAt?: number;
  /** The v3 ids of the contact lists it was (or will be) sent to. */
  listIds: readonly string[];
  primaryActivityId: string;
  permalinkActivityId: string;
  /** Set when the campaign has a resend activity; `resend` is absent when it was never sent. */
  resendActivityId?: string;
  primary?: SendSeries;
  resend?: SendSeries;
}

export interface CampaignPlan {
  key: string;
  name: string;
  status: "sent" | "draft" | "scheduled" | "deleted";
  /** When it was sent (epoch ms); absent for a campaign never sent. */
  sentAt?: number;
  /** Keys of the contact lists it goes to (the union, each person once). */
  lists: readonly string[];
  /** Sends of its primary run: a number (the first n eligible of its lists: a segment) or "all". */
  sends?: number | "all";
  /** A resend to that many of the primary run's recipients, or a resend activity never sent. */
  resend?: number | "unsent";
  /** Still receiving sends from `growFrom` on (see audience/series.ts). */
  growFrom?: number;
}

const V2_STATUS = { sent: "SENT", draft: "DRAFT", scheduled: "SCHEDULED", deleted: "DELETED" } as const;
const V3_STATUS = { sent: "Done", draft: "Draft", scheduled: "Scheduled", deleted: "Removed" } as const;

/** The spec of the `n`th campaign of the account (`n` keeps v2 ids and creation times apart). */
export function campaignSpec(
  seed: number,
  anchor: number,
  audience: Audience,
  plan: CampaignPlan,
  n: number,
): CampaignSpec {
  const { sentAt } = plan;
  const createdAt = (sentAt ?? anchor - DAY_MS) - 3 * DAY_MS - n * HOUR_MS;
  const lists = listsByKey(audience, plan.lists);
  const spec: CampaignSpec = {
    key: plan.key,
    name: plan.name,
    v2Id: String(1_100_394_165_000 + (hashKeys(seed, "v2-campaign", plan.key) % 1000) * 1000 + n),
    v3Id: uuidFor(seed, "campaign", plan.key),
    v2Status: V2_STATUS[plan.status],
    v3Status: V3_STATUS[plan.status],
    type: "NEWSLETTER",
    typeCode: 10,
    createdAt,
    updatedAt: sentAt ?? createdAt + HOUR_MS,
    lastRunAt: sentAt,
    listIds: lists.map((l) => l.v3Id),
    primaryActivityId: uuidFor(seed, "campaign-activity", plan.key, "primary_email"),
    permalinkActivityId: uuidFor(seed, "campaign-activity", plan.key, "permalink"),
  };
  if (sentAt !== undefined && plan.sends !== undefined) {
    spec.primary = primarySeries(seed, audience, {
      key: plan.key,
      sentAt,
      lists,
      sends: plan.sends,
      growFrom: plan.growFrom,
    });
  }
  if (plan.resend !== undefined) {
    spec.resendActivityId = uuidFor(seed, "campaign-activity", plan.key, "resend");
    if (plan.resend !== "unsent" && spec.primary)
      spec.resend = resendSeries(seed, audience, spec.primary, plan.key, plan.resend);
  }
  return spec;
}
