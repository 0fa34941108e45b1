// What an ExportButton exports: send lists (a SendsFilter) or one activity's error lines. Each
// target knows its columns, its default columns and how to run its export.
import type { CompareQuery } from "../../db/people/compare";
import type { SendsFilter } from "../../db/sendsFilter";
import {
  availableSendColumns,
  COMPARISON_COLUMNS,
  DEFAULT_COMPARISON_COLUMNS,
  DEFAULT_ERROR_LINE_COLUMNS,
  DEFAULT_HISTORY_COLUMNS,
  defaultSendColumns,
  ERROR_LINE_COLUMNS,
  type ExportResult,
  exportComparison,
  exportErrorLines,
  exportFileName,
  exportPersonHistory,
  exportSends,
  HISTORY_COLUMNS,
} from "../../export/index";
import type { ColumnChoice, ExportChoice } from "./exportChoice";

/** Export the send lists a SendsFilter selects: exactly the rows the Sends screen shows. */
export interface SendsExportProps {
  filter: SendsFilter;
  /** Names the file (`mailroom-sends-<campaign>-<day>.csv`); omit for several campaigns. */
  campaignName?: string;
  label?: string;
}

/** Export one bulk activity's error and warning lines. */
export interface ErrorLinesExportProps {
  errorLines: { accountId: string; activityId: string };
  label?: string;
}

/** Export one person's cached history (People). */
export interface PersonHistoryExportProps {
  personHistory: { accountId: string; email: string };
  label?: string;
}

/** Export the people a Compare send lists question finds. */
export interface ComparisonExportProps {
  comparison: CompareQuery;
  label?: string;
}

export type ExportButtonProps =
  | SendsExportProps
  | ErrorLinesExportProps
  | PersonHistoryExportProps
  | ComparisonExportProps;

export interface ExportHooks {
  signal: AbortSignal;
  onProgress: (rows: number, total?: number) => void;
}

export const exportLabel = (props: ExportButtonProps): string =>
  props.label ?? ("errorLines" in props ? "Export error lines" : "Export CSV");

export const exportColumns = (props: ExportButtonProps): ColumnChoice[] => {
  if ("filter" in props) return availableSendColumns(props.filter.datasets);
  if ("personHistory" in props) return Object.values(HISTORY_COLUMNS);
  if ("comparison" in props) return Object.values(COMPARISON_COLUMNS);
  return Object.values(ERROR_LINE_COLUMNS);
};

export const exportDefaultColumns = (props: ExportButtonProps): string[] => {
  if ("filter" in props) return defaultSendColumns(props.filter.datasets);
  if ("personHistory" in props) return DEFAULT_HISTORY_COLUMNS;
  if ("comparison" in props) return DEFAULT_COMPARISON_COLUMNS;
  return DEFAULT_ERROR_LINE_COLUMNS;
};

/** Runs the export `props` names with the user's choice; exportSends opens the file picker first. */
export function runExport(
  props: ExportButtonProps,
  choice: ExportChoice,
  hooks: ExportHooks,
): Promise<ExportResult> {
  if ("filter" in props) {
    const campaign = props.campaignName ?? (props.filter.datasets.length > 1 ? "campaigns" : undefined);
    return exportSends(
      { ...choice, filter: props.filter, fileName: exportFileName("sends", campaign) },
      hooks,
    );
  }
  if ("personHistory" in props) {
    const { accountId, email } = props.personHistory;
    return exportPersonHistory(
      { ...choice, accountId, email, fileName: exportFileName("history", email) },
      hooks,
    );
  }
  if ("comparison" in props) {
    return exportComparison(
      {
        ...choice,
        query: props.comparison,
        fileName: exportFileName("people", props.comparison.question.kind),
      },
      hooks,
    );
  }
  return exportErrorLines(
    { ...choice, ...props.errorLines, fileName: exportFileName("errors", props.errorLines.activityId) },
    hooks,
  );
}
