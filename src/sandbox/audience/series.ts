// The send series of a campaign sent to contact lists: the primary run goes to the first `count`
// of its lists' members who had not unsubscribed by the end of the run; a resend goes to a subset of
// the primary run's recipients, minus who unsubscribed in between. Both are picks (pick.ts), so
// send i, and the send a person got, are computed directly, however large the run.
import { HOUR_MS, MINUTE_MS } from "../clock";
import type { SendSeries } from "../data/sends";
import { type Audience, type ContactListSpec, eligiblePick } from "./audience";
import { makePick } from "./pick";

export interface PrimaryPlan {
  key: string;
  sentAt: number;
  lists: readonly ContactListSpec[];
  /** Sends of the initial batch; "all" = every eligible member of the lists. */
  sends: number | "all";
  /** Still receiving sends: one more every 30 s of simulated time from `growFrom`, up to 5,000. */
  growFrom?: number;
}

const GROWTH = { intervalMs: 30_000, max: 5000 };

export function primarySeries(seed: number, audience: Audience, plan: PrimaryPlan): SendSeries {
  // A run lasts at most an hour; a growing one until its last possible send.
  const endAt =
    plan.growFrom === undefined ? plan.sentAt + HOUR_MS : plan.growFrom + GROWTH.max * GROWTH.intervalMs;
  const pick = eligiblePick(audience, plan.lists, endAt, `${plan.key}:primary`, seed);
  const baseCount = plan.sends === "all" ? pick.size : Math.min(plan.sends, pick.size);
  // Spread a run over at most an hour, a few ms apart at least.
  const gapMs = Math.max(3, Math.floor(HOUR_MS / Math.max(1, baseCount)));
  const series: SendSeries = {
    key: `${plan.key}:primary`,
    firstAt: plan.sentAt,
    gapMs,
    baseCount,
    recipient: (index) => audience.poolIndexOf(pick.at(index)),
    sendIndexOf: (poolIndex) => pick.indexOf(audience.rankOf(poolIndex)),
    listIds: plan.lists.map((l) => l.v3Id),
  };
  if (plan.growFrom !== undefined) {
    const max = Math.min(GROWTH.max, pick.size - baseCount);
    series.growth = { startAt: plan.growFrom, intervalMs: GROWTH.intervalMs, max };
  }
  return series;
}

/** A resend, three days after the primary run, to `count` of its recipients. */
export function resendSeries(
  seed: number,
  audience: Audience,
  primary: SendSeries,
  key: string,
  count: number,
): SendSeries {
  const firstAt = primary.firstAt + 3 * 24 * HOUR_MS;
  const gapMs = MINUTE_MS / 10;
  const endAt = firstAt + count * gapMs;
  const gone: number[] = [];
  for (const u of audience.unsubscribes) {
    if (u.at >= endAt) continue;
    const sent = primary.sendIndexOf(audience.poolIndexOf(u.rank));
    if (sent >= 0 && sent < primary.baseCount) gone.push(sent);
  }
  const pick = makePick([[0, primary.baseCount]], gone, seed, `${key}:resend`);
  return {
    key: `${key}:resend`,
    firstAt,
    gapMs,
    baseCount: Math.min(count, pick.size),
    recipient: (index) => primary.recipient(pick.at(index)),
    sendIndexOf(poolIndex) {
      const sent = primary.sendIndexOf(poolIndex);
      return sent >= 0 && sent < primary.baseCount ? pick.indexOf(sent) : -1;
    },
    listIds: primary.listIds,
  };
}
