import type { ComparedRow } from "../db/people/comparedRows";
import type { PersonSend } from "../db/people/history";
import { type ExportColumn, pick } from "./columns";

// The columns of the People screen's two exports. Field names follow the sends reports' where the
// value is the same (email_address, first_name, last_name, contact_id).

export const HISTORY_COLUMNS: Record<string, ExportColumn<PersonSend>> = {
  sent_at: { id: "sent_at", label: "Sent at (UTC)", value: (row) => row.sentAt },
  campaign: { id: "campaign", label: "Campaign", value: (row) => row.campaign },
  api_generation: { id: "api_generation", label: "API generation", value: (row) => row.generation },
  email_address: { id: "email_address", label: "Email address", value: (row) => row.email },
  first_name: { id: "first_name", label: "First name", value: (row) => row.firstName },
  last_name: { id: "last_name", label: "Last name", value: (row) => row.lastName },
  contact_id: { id: "contact_id", label: "Contact id", value: (row) => row.contactId },
  send_list: { id: "send_list", label: "Send list (Mailroom id)", value: (row) => row.dataset },
};

export const DEFAULT_HISTORY_COLUMNS = [
  "sent_at",
  "campaign",
  "api_generation",
  "email_address",
  "first_name",
  "last_name",
  "contact_id",
];

export const COMPARISON_COLUMNS: Record<string, ExportColumn<ComparedRow>> = {
  email_address: { id: "email_address", label: "Email address", value: (row) => row.email },
  first_name: { id: "first_name", label: "First name", value: (row) => row.firstName },
  last_name: { id: "last_name", label: "Last name", value: (row) => row.lastName },
  contact_id: { id: "contact_id", label: "Contact id (one of theirs)", value: (row) => row.contactId },
  lists_received: {
    id: "lists_received",
    label: "Chosen lists received",
    value: (row) => row.lists,
  },
};

export const DEFAULT_COMPARISON_COLUMNS = ["email_address", "first_name", "last_name", "lists_received"];

export const historyColumns = (ids: readonly string[]) => pick(HISTORY_COLUMNS, ids);
export const comparisonColumns = (ids: readonly string[]) => pick(COMPARISON_COLUMNS, ids);
