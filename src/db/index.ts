export { db, useDb } from "./db";
export { sendsDatasetId, parseSendsDatasetId } from "./datasets";
export { DB_NAME, MailroomDb } from "./schema";
export type * from "./types";
