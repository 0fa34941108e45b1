import { utcDay } from "../core/utcDay";
import { getAccount } from "../db/accounts";
import { getBudgets } from "../db/budget";
import { campaignActivitiesOf } from "../db/campaigns";
import { parseSendsDatasetId } from "../db/datasets";
import { loadCampaignsWithLists } from "../db/queries/campaigns";
import { countSends } from "../db/sends";
import { getSyncState } from "../db/syncState";
import type { Account, Campaign, Generation, SyncState } from "../db/types";
import { appKeyOf } from "./context";
import { DAILY_LIMIT } from "./pacer";

/** Sends per page of both generations' sends reports. */
export const SENDS_PER_PAGE = 500;
/** Besides its pages, a sync asks for the list's count and reads one page that ends it. */
export const LIST_OVERHEAD_REQUESTS = 2;
// v2 RUNNING, v3 Executing / EXECUTING: the campaign is still being sent, its list still grows.
const SENDING = /^(running|executing|sending)$/i;

/** Why a send list is in the plan. */
export type KeepUpReason = "new" | "grown" | "sending" | "changed";

export interface PlannedList {
  dataset: string;
  generation: Generation;
  reason: KeepUpReason;
  held: number;
  /** How many sends the server said the list has, when it was last asked; undefined: never asked. */
  expected?: number;
  /** Estimated requests: ⌈missing / 500⌉ + 2 (a list of unknown size counts as one page). */
  requests: number;
}

export interface KeepUpPlan {
  /** The lists to fetch today, newest campaign first, within the share. */
  lists: PlannedList[];
  /** Their estimated requests, at most what the share leaves today. */
  requests: number;
  /** Lists of those whose size is not known until they are asked. */
  unknownSize: number;
  /** Lists that need fetching but fall beyond today's share (next UTC day). */
  later: number;
  /** Requests the share leaves today, per API generation's application key. */
  allowance: Partial<Record<Generation, number>>;
}

/**
 * Which send lists of an account "Keep all send lists up to date" would fetch now, from what is
 * held only (no request): new lists (never synced to the end), grown ones (the server's last count
 * is above what is held, or a run stopped part-way), those of a campaign still sending, and those
 * of a campaign that ran or changed after the list was last fetched. The share caps them: a key's
 * requests today (every request of the key, whoever sent it) stop at share × 10,000.
 */
export async function planKeepUp(accountId: string, at: { now: number; share: number }): Promise<KeepUpPlan> {
  const account = await getAccount(accountId);
  const empty: KeepUpPlan = { lists: [], requests: 0, unknownSize: 0, later: 0, allowance: {} };
  if (!account) return empty;
  const allowance = await allowanceToday(account, at);
  const plan: KeepUpPlan = { ...empty, allowance: { ...allowance } };
  for (const { campaign, sendLists } of await loadCampaignsWithLists(accountId)) {
    for (const { dataset } of sendLists) {
      const { generation } = parseSendsDatasetId(dataset);
      if (!account.generations.includes(generation)) continue;
      const list = await needsFetching(dataset, campaign);
      if (!list) continue;
      const left = allowance[generation] ?? 0;
      if (left <= 0) {
        plan.later += 1;
        continue;
      }
      // The last list may not fit whole: the round stops at the share and resumes it tomorrow.
      const spent = Math.min(list.requests, left);
      allowance[generation] = left - spent;
      plan.requests += spent;
      if (list.expected === undefined) plan.unknownSize += 1;
      plan.lists.push(list);
    }
  }
  return plan;
}

/** Requests each key of the account may still spend today under the share. */
export async function allowanceToday(
  account: Account,
  at: { now: number; share: number },
): Promise<Partial<Record<Generation, number>>> {
  const keys = account.generations.map((generation) => appKeyOf(account, generation));
  const rows = await getBudgets(keys);
  const today = utcDay(at.now);
  const allowance: Partial<Record<Generation, number>> = {};
  account.generations.forEach((generation, i) => {
    const row = rows[i];
    const used = row && row.day === today ? row.used : 0;
    allowance[generation] = Math.max(0, shareLimit(at.share) - used);
  });
  return allowance;
}

/** The day's request count at which the rounds stop, for a share. */
export function shareLimit(share: number): number {
  return Math.floor(share * DAILY_LIMIT);
}

async function needsFetching(dataset: string, campaign: Campaign): Promise<PlannedList | undefined> {
  const { generation } = parseSendsDatasetId(dataset);
  const [state, held] = await Promise.all([getSyncState(dataset), countSends(dataset)]);
  const reason = await reasonToFetch(state, held, campaign, dataset);
  if (!reason) return undefined;
  const expected = state?.expectedRows;
  const missing = expected === undefined ? SENDS_PER_PAGE : Math.max(0, expected - held);
  const requests = Math.ceil(missing / SENDS_PER_PAGE) + LIST_OVERHEAD_REQUESTS;
  return { dataset, generation, reason, held, expected, requests };
}

async function reasonToFetch(
  state: SyncState | undefined,
  held: number,
  campaign: Campaign,
  dataset: string,
): Promise<KeepUpReason | undefined> {
  if (state?.fetchedAt === undefined) return "new";
  if (state.nextLink !== undefined || state.status !== "complete") return "grown";
  if (state.expectedRows !== undefined && state.expectedRows > held) return "grown";
  if (await stillSending(campaign, dataset)) return "sending";
  const ranAt = Date.parse(campaign.lastRunAt ?? campaign.updatedAt ?? "");
  if (Number.isFinite(ranAt) && ranAt > state.fetchedAt) return "changed";
  return undefined;
}

async function stillSending(campaign: Campaign, dataset: string): Promise<boolean> {
  if (SENDING.test(campaign.status)) return true;
  if (campaign.generation === "v2") return false;
  const { reportId } = parseSendsDatasetId(dataset);
  const activities = await campaignActivitiesOf(campaign.accountId, campaign.campaignId);
  const status = activities.find((a) => a.campaignActivityId === reportId)?.status;
  return status !== undefined && SENDING.test(status);
}
