// The account's email campaigns, the same ones seen through v2 (numeric ids) and v3 (UUIDs, with
// primary_email / permalink / resend campaign activities). Sizes: 0, 3, 250 (+ a resend of 40),
// 10,000, the configurable big one, and one still receiving sends; `extra` small sent ones on request
// (so that both campaign lists need more than one page).
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../clock";
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
  primaryActivityId: string;
  permalinkActivityId: string;
  /** Set when the campaign has a resend activity; `resend` is absent when it was never sent. */
  resendActivityId?: string;
  primary?: SendSeries;
  resend?: SendSeries;
}

interface CampaignPlan {
  key: string;
  name: string;
  status: "sent" | "draft" | "scheduled" | "deleted";
  sentAgo?: number;
  sends?: number;
  resend?: number | "unsent";
  growing?: boolean;
}

export function buildCampaigns(
  seed: number,
  anchor: number,
  bigCampaignSends: number,
  extra = 0,
): CampaignSpec[] {
  const plans: CampaignPlan[] = [
    { key: "empty", name: "Welcome (sent to nobody)", status: "sent", sentAgo: 9 * DAY_MS, sends: 0 },
    { key: "tiny", name: "Test send to 3 people", status: "sent", sentAgo: 8 * DAY_MS, sends: 3 },
    {
      key: "spring",
      name: 'Spring newsletter 🌷 — Ünïcode, "quotes", commas',
      status: "sent",
      sentAgo: 6 * DAY_MS,
      sends: 250,
      resend: 40,
    },
    { key: "tenk", name: "Member update (10k)", status: "sent", sentAgo: 4 * DAY_MS, sends: 10_000 },
    { key: "big", name: "Annual report (big)", status: "sent", sentAgo: 2 * DAY_MS, sends: bigCampaignSends },
    {
      key: "live",
      name: "Flash sale — still sending",
      status: "sent",
      sentAgo: 2 * HOUR_MS,
      sends: 120,
      growing: true,
    },
    {
      key: "formula",
      name: "=cmd|' /C calc'!A0 (formula-looking name)",
      status: "sent",
      sentAgo: 12 * DAY_MS,
      sends: 7,
    },
    {
      key: "resume",
      name: "Résumé tips, part 2",
      status: "sent",
      sentAgo: 20 * DAY_MS,
      sends: 60,
      resend: "unsent",
    },
    { key: "draft", name: "Draft: <script>alert(1)</script>", status: "draft" },
    { key: "scheduled", name: 'Scheduled, "next week"', status: "scheduled" },
    { key: "deleted", name: "Old promo (deleted)", status: "deleted", sentAgo: 40 * DAY_MS, sends: 0 },
  ];
  // Older than every usual one, an hour apart, so the usual campaigns keep their place in each list.
  for (let n = 0; n < extra; n++) {
    const sentAgo = 45 * DAY_MS + n * HOUR_MS;
    plans.push({ key: `extra-${n}`, name: `Extra campaign ${n + 1}`, status: "sent", sentAgo, sends: 1 });
  }
  return plans.map((plan, n) => toSpec(seed, anchor, plan, n));
}

const V2_STATUS = { sent: "SENT", draft: "DRAFT", scheduled: "SCHEDULED", deleted: "DELETED" } as const;
const V3_STATUS = { sent: "Done", draft: "Draft", scheduled: "Scheduled", deleted: "Removed" } as const;

function toSpec(seed: number, anchor: number, plan: CampaignPlan, n: number): CampaignSpec {
  const sentAt = plan.sentAgo === undefined ? undefined : anchor - plan.sentAgo;
  const createdAt = (sentAt ?? anchor - DAY_MS) - 3 * DAY_MS - n * HOUR_MS;
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
    primaryActivityId: uuidFor(seed, "campaign-activity", plan.key, "primary_email"),
    permalinkActivityId: uuidFor(seed, "campaign-activity", plan.key, "permalink"),
  };
  if (sentAt !== undefined && plan.sends !== undefined) {
    // Spread a run over at most an hour, a few ms apart at least.
    const gapMs = Math.max(3, Math.floor(HOUR_MS / Math.max(1, plan.sends)));
    spec.primary = { key: `${plan.key}:primary`, firstAt: sentAt, gapMs, baseCount: plan.sends };
    if (plan.growing) spec.primary.growth = { startAt: anchor, intervalMs: 30_000, max: 5000 };
  }
  if (plan.resend !== undefined) {
    spec.resendActivityId = uuidFor(seed, "campaign-activity", plan.key, "resend");
    if (plan.resend !== "unsent" && sentAt !== undefined) {
      spec.resend = {
        key: `${plan.key}:resend`,
        firstAt: sentAt + 3 * DAY_MS,
        gapMs: MINUTE_MS / 10,
        baseCount: plan.resend,
      };
    }
  }
  return spec;
}
