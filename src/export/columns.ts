import { parseSendsDatasetId } from "../db/datasets";
import type { ActivityErrorLine, Generation, Send } from "../db/types";
import type { CsvValue } from "./csv";

/**
 * Export columns carry the sends report's own field names, so a file exported from Mailroom reads
 * like the one Constant Contact's API returns. Values come from the stored Send.
 */
export interface ExportColumn<Row> {
  id: string;
  /** What the export dialog shows next to the checkbox. */
  label: string;
  value(row: Row, context: SendContext): CsvValue;
}

/** What a Send alone does not say: its campaign's display name, resolved once per dataset. */
export interface SendContext {
  campaignName(dataset: string): string;
}

/** The report id from the dataset, for rows stored without their own id (only for that generation). */
function reportIdOf(row: Send, generation: Generation): string | undefined {
  const parsed = parseSendsDatasetId(row.dataset);
  return parsed.generation === generation ? parsed.reportId : undefined;
}

/** Stored dates are ISO 8601 UTC already; anything else that parses is normalised to it. */
export function isoDate(value: string | undefined): string | undefined {
  if (value === undefined || value === "" || value.endsWith("Z")) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

type SendColumn = ExportColumn<Send>;

export const SEND_COLUMNS: Record<string, SendColumn> = {
  campaign: { id: "campaign", label: "Campaign", value: (row, ctx) => ctx.campaignName(row.dataset) },
  // v2 sends reports hold only sends: the type is constant.
  activity_type: { id: "activity_type", label: "Activity type (v2)", value: () => "EMAIL_SEND" },
  campaign_id: {
    id: "campaign_id",
    label: "Campaign id (v2)",
    value: (row) => row.campaignId ?? reportIdOf(row, "v2"),
  },
  contact_id: { id: "contact_id", label: "Contact id", value: (row) => row.contactId },
  email_address: { id: "email_address", label: "Email address", value: (row) => row.email },
  send_date: { id: "send_date", label: "Send date (v2)", value: (row) => isoDate(row.sentAt) },
  campaign_activity_id: {
    id: "campaign_activity_id",
    label: "Campaign activity id (v3)",
    value: (row) => row.campaignActivityId ?? reportIdOf(row, "v3"),
  },
  first_name: { id: "first_name", label: "First name", value: (row) => row.firstName },
  last_name: { id: "last_name", label: "Last name", value: (row) => row.lastName },
  created_time: { id: "created_time", label: "Sent time (v3)", value: (row) => isoDate(row.sentAt) },
  deleted_at: { id: "deleted_at", label: "Deleted at (v3)", value: (row) => isoDate(row.deletedAt) },
};

const V2_DEFAULTS = ["activity_type", "campaign_id", "contact_id", "email_address", "send_date"];
const V3_DEFAULTS = [
  "contact_id",
  "campaign_activity_id",
  "email_address",
  "first_name",
  "last_name",
  "created_time",
  "deleted_at",
];

function generationsOf(datasets: readonly string[]): Set<Generation> {
  return new Set(datasets.map((dataset) => parseSendsDatasetId(dataset).generation));
}

/**
 * The report's own fields for these send lists: v2's, v3's, or both (v2's first) when mixed;
 * several lists at once start with a `campaign` column so each row says where it came from.
 */
export function defaultSendColumns(datasets: readonly string[]): string[] {
  const generations = generationsOf(datasets);
  const ids = [...(generations.has("v2") ? V2_DEFAULTS : []), ...(generations.has("v3") ? V3_DEFAULTS : [])];
  const unique = [...new Set(ids)];
  return datasets.length > 1 ? ["campaign", ...unique] : unique;
}

/** Every column the dialog may offer for these send lists, defaults first. */
export function availableSendColumns(datasets: readonly string[]): SendColumn[] {
  const ids = new Set([...defaultSendColumns(datasets), ...Object.keys(SEND_COLUMNS)]);
  return [...ids].map((id) => SEND_COLUMNS[id]!);
}

/** The columns named by `ids`, in their order; an unknown or missing choice is refused. */
export function pick<Row>(
  table: Record<string, ExportColumn<Row>>,
  ids: readonly string[],
): ExportColumn<Row>[] {
  if (ids.length === 0) throw new Error("Choose at least one column to export");
  return ids.map((id) => {
    const column = table[id];
    if (!column) throw new Error(`Unknown export column: ${id}`);
    return column;
  });
}

export function sendColumns(ids: readonly string[]): SendColumn[] {
  return pick(SEND_COLUMNS, ids);
}

export const ERROR_LINE_COLUMNS: Record<string, ExportColumn<ActivityErrorLine>> = {
  line_number: { id: "line_number", label: "Line number", value: (row) => row.lineNumber },
  email_address: { id: "email_address", label: "Email address", value: (row) => row.email },
  message: { id: "message", label: "Message", value: (row) => row.message },
  kind: { id: "kind", label: "Kind (error or warning)", value: (row) => row.kind },
};

export const DEFAULT_ERROR_LINE_COLUMNS = ["line_number", "email_address", "message", "kind"];

export function errorLineColumns(ids: readonly string[]): ExportColumn<ActivityErrorLine>[] {
  return pick(ERROR_LINE_COLUMNS, ids);
}
