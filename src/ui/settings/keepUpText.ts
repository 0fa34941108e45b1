import type { KeepUpStatus } from "../../db/keepUp";
import type { KeepUpPlan } from "../../sync/keepUpPlan";
import { SHARE_USED } from "../../sync/keepUpStops";
import { formatCount, plural } from "../format/number";

/** "3 send lists to fetch: about 240 requests", or that there is nothing to fetch. */
export function planLine(plan: KeepUpPlan): string {
  const later = plan.later > 0 ? ` ${plural(plan.later, "more send list")} after today's share.` : "";
  if (plan.lists.length === 0)
    return plan.later > 0 ? `Nothing more today:${later}` : "Every cached send list is up to date.";
  const unknown =
    plan.unknownSize > 0
      ? ` (${formatCount(plan.unknownSize)} of unknown size, counted as one page each until asked)`
      : "";
  return `${plural(plan.lists.length, "send list")} to fetch: about ${plural(plan.requests, "request")}${unknown}.${later}`;
}

/** What the running or last round did: "2 of 5 send lists fetched · 123 requests". */
export function progressLine(status: KeepUpStatus): string {
  const lists = `${formatCount(status.done)} of ${plural(status.planned, "send list")} fetched`;
  const failed = status.failed > 0 ? ` · ${formatCount(status.failed)} failed` : "";
  return `${lists}${failed} · ${plural(status.requests, "request")}`;
}

/** Why the round stopped, with what the user can do. */
export function stopLine(stop: NonNullable<KeepUpStatus["stop"]>): string {
  const generation = stop.generation ? ` (${stop.generation})` : "";
  switch (stop.kind) {
    case SHARE_USED:
      return `Stopped: the share is used${generation}. ${stop.message}`;
    case "offline":
    case "network":
      return `Stopped: no connection. ${stop.message}`;
    case "quota_exceeded":
      return `Stopped: the day's requests are spent${generation}. ${stop.message}`;
    case "not_signed_in":
    case "unauthorized":
      return `Stopped: sign-in required${generation}. ${stop.message} Sign in under Accounts; the next round goes on.`;
    default:
      return `Stopped${generation}: ${stop.message}`;
  }
}
