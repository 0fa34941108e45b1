// The sync engine: the only writer of cached Constant Contact data. The page and the service
// worker call these; the UI reads the results through live queries.

export { activitiesDatasetId, campaignsDatasetId } from "../db/datasets";
// What the service worker shows of the stored rows (it reaches the database only through sync).
export type { BulkActivity } from "../db/types";
export { type RefreshActivitiesOptions, refreshActivities } from "./activities";
export { refreshCampaigns } from "./campaigns";
export type { SyncDeps, SyncOptions } from "./context";
export { type KeepUpPlan, type PlannedList, planKeepUp } from "./keepUpPlan";
export { KEEP_UP_EVERY_MS, keepUpAccount } from "./keepUpRound";
export { makeKeepUpRounds } from "./keepUpRounds";
export { saveKeepUpSetting } from "./keepUpSetting";
export { SHARE_USED } from "./keepUpStops";
export { ListRemovedError, removeSendList } from "./listRemoval";
export { DEFAULT_REQUESTS_PER_SECOND, requestsPerSecondFor } from "./pacer";
export { pollUnfinishedActivities } from "./poll";
export { LIST_REFRESH_MS, makePollRounds, type PollEvent } from "./pollRound";
export { etaSeconds, rateOf } from "./progress";
export { fetchActivityResults } from "./results";
export { type SyncSendsOptions, syncSends } from "./sends";
