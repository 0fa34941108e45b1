export { getAccount } from "./accounts";
export { activitiesOf, isTerminalStatus, putActivities, unfinishedActivitiesOf } from "./activities";
export { activityErrorLinesOf, replaceActivityErrorLines } from "./activityErrors";
export { getBudget, getBudgets } from "./budget";
export { campaignActivitiesOf, campaignsOf, putCampaigns, putCampaignWithActivities } from "./campaigns";
export { activitiesDatasetId, campaignsDatasetId, parseSendsDatasetId, sendsDatasetId } from "./datasets";
export { db, useDb } from "./db";
export { DEMO_WORLD_KEY, demoWorldOr } from "./demoWorld";
export { DB_NAME, MailroomDb } from "./schema";
export type { SendChunk } from "./sendStore/chunk";
export { contactIdCodesOf, emailAt, firstNameAt, lastNameAt, UUID_LENGTH } from "./sendStore/chunkFields";
export { type ChunkRows, chunkSourceOf } from "./sendStore/exportRead";
export { foldText } from "./sendStore/fold";
export { dropAccountLists } from "./sendStore/lists";
export {
  allSendsOf,
  countSends,
  newestSentAt,
  type SendReadOptions,
  type SendSource,
  sendPagesOf,
  sendSourceOf,
  sendTables,
  storeSendPage,
  toSend,
  warmSearch,
} from "./sends";
export { matchesSendsFilter, type SendsFilter, windowOf } from "./sendsFilter";
export { getSyncState, idleSyncState, noteRetry, type SyncStateKey, updateSyncState } from "./syncState";
export type * from "./types";
