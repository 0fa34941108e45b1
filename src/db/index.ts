export { parseSendsDatasetId, sendsDatasetId } from "./datasets";
export { db, useDb } from "./db";
export { DB_NAME, MailroomDb } from "./schema";
export { matchesSendsFilter, normalisePrefix, type SendsFilter } from "./sendsFilter";
export type * from "./types";
