import Dexie, { type EntityTable } from "dexie";
import type { ChunkKey, SendChunk, SendText } from "./sendStore/chunk";
import { mapEveryChunk, type SendGrams } from "./sendStore/grams";
import type { SendList } from "./sendStore/lists";
import type {
  Account,
  ActivityErrorLine,
  AuthAttempt,
  BulkActivity,
  Campaign,
  CampaignActivity,
  RequestBudget,
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
 *
 * v2 (2026-12): sends stored in chunks (src/db/sendStore/chunk.ts) under a small number per send
 * list: a row per send cost 634 bytes on disk, the dataset id repeated in its key and two indexes.
 * The upgrade moves every v1 row into chunks, list by list; sync states are kept as they are, so a
 * sync resumes from its checkpoint. v3 drops the v1 table (Dexie reads it in v2's upgrade only if
 * it is deleted in a later version).
 *
 * v4 (2026-12): each chunk's map of runs of four characters (sendStore/gramStore.ts) stored beside
 * its text, so a search just after a list opens reads the maps, not the whole text. The upgrade
 * maps every chunk held; writes keep them in step from then on.
 */
export class MailroomDb extends Dexie {
  accounts!: EntityTable<Account, "id">;
  tokens!: Dexie.Table<StoredToken, [string, string]>;
  authAttempts!: EntityTable<AuthAttempt, "state">;
  activities!: Dexie.Table<BulkActivity, [string, string, string]>;
  activityErrors!: Dexie.Table<ActivityErrorLine, [string, string, number]>;
  campaigns!: Dexie.Table<Campaign, [string, string, string]>;
  campaignActivities!: Dexie.Table<CampaignActivity, [string, string]>;
  sendLists!: EntityTable<SendList, "id">;
  sendChunks!: Dexie.Table<SendChunk, ChunkKey>;
  sendText!: Dexie.Table<SendText, ChunkKey>;
  sendGrams!: Dexie.Table<SendGrams, ChunkKey>;
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
    this.version(2)
      .stores({
        sendLists: "++id, &[dataset+copy], dataset, accountId",
        sendChunks: "[list+firstMs+firstId+lastMs+rows]",
        sendText: "[list+firstMs+firstId+lastMs+rows]",
      })
      .upgrade(async (tx) => {
        if ((await tx.table("sends").count()) === 0) return;
        // Loaded only when there are v1 sends to move, so the first screen does not carry the
        // migration; waitFor keeps the upgrade transaction alive while the module loads.
        const { migrateSendsToChunks } = await Dexie.waitFor(import("./sendStore/migrate"));
        await migrateSendsToChunks(tx);
      });
    this.version(3).stores({ sends: null });
    this.version(4).stores({ sendGrams: "[list+firstMs+firstId+lastMs+rows]" }).upgrade(mapEveryChunk);
  }
}
