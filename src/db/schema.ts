import Dexie, { type EntityTable } from "dexie";
import type {
  Account,
  ActivityErrorLine,
  AuthAttempt,
  BulkActivity,
  Campaign,
  CampaignActivity,
  RequestBudget,
  Send,
  Setting,
  StoredToken,
  SyncState,
} from "./types";

export const DB_NAME = "mailroom";

/**
 * The schema is a migration log: never edit a published version, add a new one with a note on why.
 *
 * v1 (2026-11): first schema. Sends are keyed by [dataset+sentAt+contactId] so that the primary key
 * order is time order within a send list (keyset paging and export need no extra index), and a row
 * seen twice (the incremental overlap) lands on the same key instead of a duplicate.
 */
export class MailroomDb extends Dexie {
  accounts!: EntityTable<Account, "id">;
  tokens!: Dexie.Table<StoredToken, [string, string]>;
  authAttempts!: EntityTable<AuthAttempt, "state">;
  activities!: Dexie.Table<BulkActivity, [string, string, string]>;
  activityErrors!: Dexie.Table<ActivityErrorLine, [string, string, number]>;
  campaigns!: Dexie.Table<Campaign, [string, string, string]>;
  campaignActivities!: Dexie.Table<CampaignActivity, [string, string]>;
  sends!: Dexie.Table<Send, [string, string, string]>;
  syncState!: EntityTable<SyncState, "dataset">;
  budget!: EntityTable<RequestBudget, "appKey">;
  settings!: EntityTable<Setting, "key">;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      accounts: "id",
      tokens: "[accountId+generation]",
      authAttempts: "state, createdAt",
      activities: "[accountId+generation+activityId], [accountId+createdAt], [accountId+status]",
      activityErrors: "[accountId+activityId+index]",
      campaigns: "[accountId+generation+campaignId], accountId",
      campaignActivities: "[accountId+campaignActivityId], [accountId+campaignId]",
      sends: "[dataset+sentAt+contactId], [dataset+emailKey], [dataset+nameKey]",
      syncState: "dataset, accountId",
      budget: "appKey",
      settings: "key",
    });
  }
}
