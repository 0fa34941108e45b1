// Who received what, from the sandbox's own data (never from what a client downloaded): the
// recipients of a campaign or campaign activity, and one person's history across campaigns. E2E
// tests check the app against these. Only sends that exist at `now` count (a growing campaign's
// later sends have not happened yet).
import { iso } from "../clock";
import type { CampaignSpec } from "../data/campaigns";
import { personAt, poolIndexOfEmail } from "../data/people";
import { type SendSeries, sendCount, sendTime } from "../data/sends";
import type { World } from "../data/world";

export interface Receipt {
  email: string;
  /** The send's time, as both sends reports write it (ISO 8601, UTC). */
  sentAt: string;
  /** The same person in both generations: v2's numeric contact id, v3's UUID. */
  v2ContactId: string;
  v3ContactId: string;
  /** v3 campaign id, and the v2 one (v2 reports only the primary run). */
  campaignId: string;
  v2CampaignId: string;
  campaignActivityId: string;
  role: "primary_email" | "resend";
}

interface Run {
  campaign: CampaignSpec;
  series: SendSeries;
  activityId: string;
  role: Receipt["role"];
}

function runsOf(campaign: CampaignSpec): Run[] {
  const runs: Run[] = [];
  if (campaign.primary)
    runs.push({
      campaign,
      series: campaign.primary,
      activityId: campaign.primaryActivityId,
      role: "primary_email",
    });
  if (campaign.resend && campaign.resendActivityId)
    runs.push({ campaign, series: campaign.resend, activityId: campaign.resendActivityId, role: "resend" });
  return runs;
}

function receipt(seed: number, run: Run, index: number): Receipt {
  const person = personAt(seed, run.series.recipient(index));
  return {
    email: person.email,
    sentAt: iso(sendTime(run.series, index)),
    v2ContactId: person.v2ContactId,
    v3ContactId: person.v3ContactId,
    campaignId: run.campaign.v3Id,
    v2CampaignId: run.campaign.v2Id,
    campaignActivityId: run.activityId,
    role: run.role,
  };
}

/** The runs an id names: a campaign activity's (v3), a v3 campaign's (all its runs), a v2 campaign's (primary). */
function runsNamed(world: World, id: string): Run[] {
  const ref = world.campaignActivity.get(id);
  if (ref) return runsOf(ref.campaign).filter((run) => run.activityId === id);
  const v3 = world.campaignByV3Id.get(id);
  if (v3) return runsOf(v3);
  const v2 = world.campaignByV2Id.get(id);
  if (v2) return runsOf(v2).filter((run) => run.role === "primary_email");
  throw new Error(`The sandbox has no campaign or campaign activity "${id}"`);
}

/**
 * Everyone who received the campaign or campaign activity `id` by `now`, oldest send first (a v3
 * campaign: its primary run, then its resend). Empty for one never sent; an unknown id throws.
 */
export function whoReceived(world: World, seed: number, now: number, id: string): Receipt[] {
  const receipts: Receipt[] = [];
  for (const run of runsNamed(world, id)) {
    const count = sendCount(run.series, now);
    for (let i = 0; i < count; i++) receipts.push(receipt(seed, run, i));
  }
  return receipts;
}

/** The pool index of a person named by email or v2 contact id, or -1. */
function poolIndexOfPerson(seed: number, person: string): number {
  if (/^\d+$/.test(person)) {
    const index = Number(person) - 1000;
    return index >= 0 && personAt(seed, index).v2ContactId === person ? index : -1;
  }
  return poolIndexOfEmail(seed, person);
}

/**
 * Every send one person received by `now`, across every campaign, newest first. `person` is an
 * email address or a v2 contact id; someone the sandbox does not know has an empty history.
 */
export function receivedBy(world: World, seed: number, now: number, person: string): Receipt[] {
  const poolIndex = poolIndexOfPerson(seed, person);
  if (poolIndex < 0 || world.audience.rankOf(poolIndex) < 0) return [];
  const receipts: Receipt[] = [];
  for (const campaign of world.campaigns) {
    for (const run of runsOf(campaign)) {
      const index = run.series.sendIndexOf(poolIndex);
      if (index >= 0 && index < sendCount(run.series, now)) receipts.push(receipt(seed, run, index));
    }
  }
  return receipts.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}
