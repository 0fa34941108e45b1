// A send series: who received one run of a campaign (activity) and when. Row i (0 = oldest) is a
// pure function of (seed, series, i): the series says who its send i went to (a person of the
// account's audience, audience/series.ts) and when. The count may grow with simulated time, which
// is what an incremental sync needs to see.
import { DAY_MS, iso } from "../clock";
import { rngFor } from "../random";
import { type Person, personAt } from "./people";

export interface SendSeries {
  key: string;
  /** Time of send 0. */
  firstAt: number;
  /** Time between consecutive sends of the initial batch. */
  gapMs: number;
  /** Sends that exist from the start. */
  baseCount: number;
  /** A series still receiving sends: one more every `intervalMs` from `startAt`, up to `max` more. */
  growth?: { startAt: number; intervalMs: number; max: number };
  /** The pool index (people.ts) of the person send `index` went to. */
  recipient(index: number): number;
  /** The send index of pool person `poolIndex`, or -1 when never; may be ≥ the count sent so far. */
  sendIndexOf(poolIndex: number): number;
  /** The v3 ids of the contact lists this run was sent to. */
  listIds: readonly string[];
}

export function sendCount(series: SendSeries, now: number): number {
  const g = series.growth;
  if (!g || now < g.startAt) return series.baseCount;
  return series.baseCount + Math.min(g.max, Math.floor((now - g.startAt) / g.intervalMs) + 1);
}

export function sendTime(series: SendSeries, index: number): number {
  if (index < series.baseCount || !series.growth) return series.firstAt + index * series.gapMs;
  return series.growth.startAt + (index - series.baseCount) * series.growth.intervalMs;
}

/** The first index whose send time is ≥ `since` (binary search: send times never decrease). */
export function firstIndexSince(series: SendSeries, count: number, since: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sendTime(series, mid) < since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sendPerson(seed: number, series: SendSeries, index: number): Person {
  return personAt(seed, series.recipient(index));
}

export function v2SendRow(seed: number, series: SendSeries, campaignId: string, index: number) {
  const person = sendPerson(seed, series, index);
  return {
    activity_type: "EMAIL_SEND",
    campaign_id: campaignId,
    contact_id: person.v2ContactId,
    email_address: person.email,
    send_date: iso(sendTime(series, index)),
  };
}

export interface V3SendRow {
  contact_id: string;
  campaign_activity_id: string;
  tracking_activity_type: "em_sends";
  email_address: string;
  created_time: string;
  first_name?: string;
  last_name?: string;
  deleted_at?: string;
}

export function v3SendRow(seed: number, series: SendSeries, activityId: string, index: number): V3SendRow {
  const person = sendPerson(seed, series, index);
  const at = sendTime(series, index);
  const row: V3SendRow = {
    contact_id: person.v3ContactId,
    campaign_activity_id: activityId,
    tracking_activity_type: "em_sends",
    email_address: person.email,
    created_time: iso(at),
  };
  if (person.firstName !== undefined) row.first_name = person.firstName;
  if (person.lastName !== undefined) row.last_name = person.lastName;
  // A few contacts were deleted after the send: `deleted_at` is a date, not a date-time.
  if (rngFor(seed, "deleted", series.key, index)() < 0.02) row.deleted_at = iso(at + 3 * DAY_MS).slice(0, 10);
  return row;
}
