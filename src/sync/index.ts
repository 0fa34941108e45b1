// The sync engine: the only writer of cached Constant Contact data. The page and the service
// worker call these; the UI reads the results through live queries.
export { activitiesDatasetId, type RefreshActivitiesOptions, refreshActivities } from "./activities";
export { campaignsDatasetId, refreshCampaigns } from "./campaigns";
export type { SyncDeps, SyncOptions } from "./context";
export { ListRemovedError, removeSendList } from "./listRemoval";
export { DEFAULT_REQUESTS_PER_SECOND, requestsPerSecondFor } from "./pacer";
export { pollUnfinishedActivities } from "./poll";
export { etaSeconds, rateOf } from "./progress";
export { fetchActivityResults } from "./results";
export { type SyncSendsOptions, syncSends } from "./sends";
