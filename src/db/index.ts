export { parseSendsDatasetId, sendsDatasetId } from "./datasets";
export { db, useDb } from "./db";
export { DB_NAME, MailroomDb } from "./schema";
export type * from "./types";
