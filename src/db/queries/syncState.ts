import { db } from "../db";
import type { SyncState } from "../types";

// Query functions for createLiveQuery: the only place the screens' reads of sync state live.

/** Every sync state of an account, by dataset id. */
export async function loadSyncStates(accountId: string): Promise<Map<string, SyncState>> {
  const rows = await db().syncState.where("accountId").equals(accountId).toArray();
  return new Map(rows.map((row) => [row.dataset, row]));
}
