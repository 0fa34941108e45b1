import { db } from "../db";
import { loadCampaignsWithLists } from "../queries/campaigns";
import { type SendList, SHOWN_COPY } from "../sendStore/lists";

/** A send list of the account as the device holds it: its small number and its dataset id. */
export interface CachedList {
  list: number;
  dataset: string;
}

/** The account's send lists held on this device (the copies shown), in dataset order. */
export async function cachedListsOf(accountId: string): Promise<CachedList[]> {
  return shownLists(await shownListRows(accountId));
}

/** The rows of the account's lists as shown (a resync's copy is not, until it replaces the list). */
export async function shownListRows(accountId: string): Promise<(SendList & { id: number })[]> {
  const rows = await db().sendLists.where("accountId").equals(accountId).toArray();
  return rows.filter(
    (row): row is SendList & { id: number } => row.copy === SHOWN_COPY && row.id !== undefined,
  );
}

/** Those rows as People names them, in dataset order. */
export function shownLists(rows: readonly (SendList & { id: number })[]): CachedList[] {
  return rows
    .map((row) => ({ list: row.id, dataset: row.dataset }))
    .sort((a, b) => (a.dataset < b.dataset ? -1 : a.dataset > b.dataset ? 1 : 0));
}

/**
 * What a cross-campaign answer could see: the send lists cached here, the ones the campaign list
 * knows but the device has not synced yet, and the cached ones whose sync has not finished (their
 * answer may miss people). Honest numbers for "found in X of Y cached send lists".
 */
export interface Coverage {
  cached: string[];
  notCached: string[];
  /** Cached lists whose last sync did not complete. */
  partial: string[];
}

export async function coverageOf(accountId: string): Promise<Coverage> {
  const [lists, campaigns, states] = await Promise.all([
    cachedListsOf(accountId),
    loadCampaignsWithLists(accountId),
    db().syncState.where("accountId").equals(accountId).toArray(),
  ]);
  const cached = lists.map((list) => list.dataset);
  const held = new Set(cached);
  const known = new Set(campaigns.flatMap((row) => row.sendLists.map((list) => list.dataset)));
  const complete = new Set(states.filter((s) => s.status === "complete").map((s) => s.dataset));
  return {
    cached,
    notCached: [...known].filter((dataset) => !held.has(dataset)),
    partial: cached.filter((dataset) => !complete.has(dataset)),
  };
}
