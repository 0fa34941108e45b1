// What an ExportButton exports: send lists (a SendsFilter) or one activity's error lines. Each
// target knows its columns, its default columns and how to run its export.
import type { SendsFilter } from "../../db/sendsFilter";
import {
  availableSendColumns,
  DEFAULT_ERROR_LINE_COLUMNS,
  defaultSendColumns,
  ERROR_LINE_COLUMNS,
  type ExportResult,
  exportErrorLines,
  exportFileName,
  exportSends,
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

export type ExportButtonProps = SendsExportProps | ErrorLinesExportProps;

export interface ExportHooks {
  signal: AbortSignal;
  onProgress: (rows: number, total?: number) => void;
}

export const exportLabel = (props: ExportButtonProps): string =>
  props.label ?? ("filter" in props ? "Export CSV" : "Export error lines");

export const exportColumns = (props: ExportButtonProps): ColumnChoice[] =>
  "filter" in props ? availableSendColumns(props.filter.datasets) : Object.values(ERROR_LINE_COLUMNS);

export const exportDefaultColumns = (props: ExportButtonProps): string[] =>
  "filter" in props ? defaultSendColumns(props.filter.datasets) : DEFAULT_ERROR_LINE_COLUMNS;

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
  return exportErrorLines(
    { ...choice, ...props.errorLines, fileName: exportFileName("errors", props.errorLines.activityId) },
    hooks,
  );
}
