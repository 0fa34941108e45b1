import type { V2Activity } from "../api/schemas/v2";
import type { V3Activity } from "../api/schemas/v3";
import type { BulkActivity } from "../db/types";
import { normaliseActivityStatus } from "./activityStatus";

/** The fields the server decides; first/last seen and the retention flag are Mailroom's. */
export type ActivityFromServer = Omit<
  BulkActivity,
  "firstSeenAt" | "lastSeenAt" | "goneFromServer" | "detailFetchedAt"
>;

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

export function activityFromV2(accountId: string, row: V2Activity): ActivityFromServer {
  return {
    accountId,
    generation: "v2",
    activityId: row.id,
    type: row.type ?? "UNKNOWN",
    status: normaliseActivityStatus("v2", row.status),
    rawStatus: row.status,
    errorCount: opt(row.error_count),
    contactCount: opt(row.contact_count),
    createdAt: opt(row.created_date),
    startedAt: opt(row.start_date),
    finishedAt: opt(row.finish_date),
    fileName: opt(row.file_name),
    raw: row,
  };
}

/** v3 has no activity type: an export is told by its results link, anything else stays "unknown". */
export function activityFromV3(accountId: string, row: V3Activity): ActivityFromServer {
  const resultsHref = opt(row._links?.results?.href);
  return {
    accountId,
    generation: "v3",
    activityId: row.activity_id,
    type: resultsHref ? "EXPORT_CONTACTS" : "unknown",
    status: normaliseActivityStatus("v3", row.state),
    rawStatus: row.state,
    percentDone: opt(row.percent_done),
    itemsTotal: opt(row.status?.items_total_count),
    itemsDone: opt(row.status?.items_completed_count),
    errorCount: opt(row.status?.error_count),
    contactCount: opt(row.status?.person_count),
    createdAt: opt(row.created_at),
    startedAt: opt(row.started_at),
    finishedAt: opt(row.completed_at),
    fileName: opt(row.source_file_name),
    resultsHref,
    raw: row,
  };
}

/** Merges a server answer into what is held: first seen stays, last seen moves, it is on the server. */
export function mergeSeen(
  held: BulkActivity | undefined,
  fresh: ActivityFromServer,
  now: number,
): BulkActivity {
  const merged: BulkActivity = {
    ...held,
    ...stripUndefined(fresh),
    firstSeenAt: held?.firstSeenAt ?? now,
    lastSeenAt: now,
    goneFromServer: false,
  } as BulkActivity;
  return merged;
}

/** A list answer may carry fewer fields than a detail answer: it must not erase what the detail said. */
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
