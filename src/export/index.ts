import type { CompareQuery } from "../db/people/compare";
import type { SendsFilter } from "../db/sendsFilter";
import { canPickFile, downloadBlob, pickCsvFile } from "./download";
import { safeFileName } from "./fileName";
import { openSink, removePickedFile, type SinkKind } from "./openSink";
import { type ExportHooks, type ExportJob, runExport } from "./runExport";
import { ExportWorkerUnavailable, runInWorker } from "./workerClient";

export {
  availableSendColumns,
  DEFAULT_ERROR_LINE_COLUMNS,
  defaultSendColumns,
  ERROR_LINE_COLUMNS,
} from "./columns";
export { BOM, csvDocument, csvField, csvRow, csvRows, startsLikeFormula } from "./csv";
export { exportFileName } from "./fileName";
export {
  COMPARISON_COLUMNS,
  DEFAULT_COMPARISON_COLUMNS,
  DEFAULT_HISTORY_COLUMNS,
  HISTORY_COLUMNS,
} from "./peopleColumns";
export type { ExportHooks } from "./runExport";

export interface ExportOptions {
  /** Column ids (see columns.ts); default: the report's own fields. */
  columns?: string[];
  /** Start the file with a UTF-8 BOM so Excel reads it as UTF-8. Default true. */
  bom?: boolean;
  /** Prefix `'` to cells that begin with = + - @ tab or CR, headers too. Default true. */
  formulaGuard?: boolean;
  /** Suggested or downloaded file name; made safe (ASCII, dashes) before use. */
  fileName: string;
  /**
   * Where the CSV goes:
   * - "auto" (default): a file the user picks (File System Access API) where the browser has it,
   *   else a download. The picker needs a user gesture: call from a click handler.
   * - "download": always the Blob download (the user's choice, and what headless E2E tests drive).
   * - "discard": serialise every page and drop it: the bench measures rows/s with this, no UI.
   */
  destination?: "auto" | "download" | "discard";
  /** Rows per read and per written string. Default 5,000. */
  pageSize?: number;
  /** Run in a dedicated worker. Default: wherever `Worker` exists; tests without one run inline. */
  useWorker?: boolean;
}

export interface ExportResult {
  rows: number;
  /** UTF-16 code units written, BOM included. */
  chars: number;
  /** Wall time of the export, picker excluded. */
  ms: number;
  destination: "file" | "download" | "discard";
}

/** The same export without a worker: tests, and browsers where the worker cannot start. */
async function runOnPage(
  job: ExportJob,
  sink: SinkKind,
  file: FileSystemFileHandle | undefined,
  hooks: ExportHooks,
) {
  try {
    return await runExport(job, await openSink(sink, file), hooks);
  } catch (error) {
    if (sink === "file") await removePickedFile(file);
    throw error;
  }
}

async function exportJob(job: ExportJob, options: ExportOptions, hooks: ExportHooks): Promise<ExportResult> {
  const fileName = safeFileName(options.fileName);
  const wanted = options.destination ?? "auto";
  const destination = wanted === "auto" ? (canPickFile() ? "file" : "download") : wanted;
  // First await: the picker must open while the click's user activation lasts.
  const file = destination === "file" ? await pickCsvFile(fileName) : undefined;
  const sink: SinkKind = destination === "download" ? "blob" : destination;
  const started = performance.now();
  const useWorker = options.useWorker ?? typeof Worker !== "undefined";
  const outcome = useWorker
    ? await runInWorker(job, sink, file, hooks).catch((error: unknown) => {
        if (!(error instanceof ExportWorkerUnavailable)) throw error;
        console.warn("export: running on the page, the worker could not start:", error.message);
        return runOnPage(job, sink, file, hooks);
      })
    : await runOnPage(job, sink, file, hooks);
  if (outcome.blob) downloadBlob(outcome.blob, fileName);
  return { rows: outcome.rows, chars: outcome.chars, ms: performance.now() - started, destination };
}

function jobOptions(options: ExportOptions) {
  const { columns, bom, formulaGuard, pageSize } = options;
  return { columns: columns && [...columns], bom, formulaGuard, pageSize };
}

/**
 * Exports the cached sends that `filter` selects (the Sends screen's own filter, so the file holds
 * the rows on screen), streamed page by page. Works offline: it reads only IndexedDB.
 * Rejects with an AbortError DOMException when cancelled (signal) or when the user closes the picker.
 * @example await exportSends({ filter, fileName: exportFileName("sends", "Spring sale") }, { onProgress, signal });
 */
export function exportSends(
  options: ExportOptions & { filter: SendsFilter },
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  // A plain copy: the filter may be a Solid store proxy, which postMessage cannot clone.
  const { datasets, contains, sentFrom, sentTo, order } = options.filter;
  const filter: SendsFilter = { datasets: [...datasets], contains, sentFrom, sentTo, order };
  return exportJob({ kind: "sends", filter, ...jobOptions(options) }, options, hooks);
}

/** Exports one person's cached history, newest first (`sent_at, campaign, api_generation, email_address, …`). */
export function exportPersonHistory(
  options: ExportOptions & { accountId: string; email: string },
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  const target = { accountId: options.accountId, email: options.email };
  return exportJob({ kind: "personHistory", target, ...jobOptions(options) }, options, hooks);
}

/** Exports the people a Compare send lists question finds (computed again in the export's worker). */
export function exportComparison(
  options: ExportOptions & { query: CompareQuery },
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  // A plain copy: the query may come from a Solid store proxy, which postMessage cannot clone.
  const query = JSON.parse(JSON.stringify(options.query)) as CompareQuery;
  return exportJob({ kind: "comparison", query, ...jobOptions(options) }, options, hooks);
}

/** Exports the error and warning lines of one bulk activity (`line_number, email_address, message, kind`). */
export function exportErrorLines(
  options: ExportOptions & { accountId: string; activityId: string },
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  const target = { accountId: options.accountId, activityId: options.activityId };
  return exportJob({ kind: "errorLines", target, ...jobOptions(options) }, options, hooks);
}
