import type { CompareQuery } from "../db/people/compare";
import type { SendsFilter } from "../db/sendsFilter";
import { sendContext } from "./campaignNames";
import { chunkTextPages, type TextPage, type TextSource } from "./chunkPages";
import {
  DEFAULT_ERROR_LINE_COLUMNS,
  defaultSendColumns,
  type ExportColumn,
  errorLineColumns,
  type SendContext,
  sendColumns,
} from "./columns";
import { BOM, CRLF, csvField } from "./csv";
import { type ErrorLinesTarget, errorLinePages } from "./errorLinePages";
import { sendsPages } from "./mergePages";
import {
  comparisonColumns,
  DEFAULT_COMPARISON_COLUMNS,
  DEFAULT_HISTORY_COLUMNS,
  historyColumns,
} from "./peopleColumns";
import { comparisonPages, historyPages, type PersonHistoryTarget } from "./peoplePages";
import { DEFAULT_PAGE_SIZE } from "./sendPages";
import type { CsvSink } from "./sinks";

interface JobOptions {
  /** Column ids; default: the report's own fields. */
  columns?: string[];
  /** UTF-8 byte order mark, for Excel. Default true. */
  bom?: boolean;
  /** Prefix `'` to cells a spreadsheet would run as formulas (see csv.ts). Default true. */
  formulaGuard?: boolean;
  /** Rows per read and per written string. Default 5,000. */
  pageSize?: number;
}

/** Everything an export needs, as plain data: it crosses to the worker by structured clone. */
export type ExportJob =
  | ({ kind: "sends"; filter: SendsFilter } & JobOptions)
  | ({ kind: "errorLines"; target: ErrorLinesTarget } & JobOptions)
  | ({ kind: "personHistory"; target: PersonHistoryTarget } & JobOptions)
  | ({ kind: "comparison"; query: CompareQuery } & JobOptions);

export interface ExportHooks {
  /** After each page: rows written so far, and the total when it is known up front. */
  onProgress?(rows: number, total?: number): void;
  signal?: AbortSignal;
}

export interface ExportOutcome {
  rows: number;
  /** UTF-16 code units written (the BOM counts as one). */
  chars: number;
  blob?: Blob;
}

/** One page as one string: fields joined per row, rows joined once. */
export function serialisePage<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  context: SendContext,
  formulaGuard: boolean,
): string {
  const lines = new Array<string>(rows.length + 1);
  const fields = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++)
      fields[c] = csvField(columns[c]!.value(row, context), formulaGuard);
    lines[r] = fields.join(",");
  }
  lines[rows.length] = "";
  return lines.join(CRLF);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException("Export cancelled", "AbortError");
}

/** Row pages serialised one string per page, as pump writes them. */
async function* serialised<Row>(
  pages: AsyncIterable<Row[]>,
  columns: readonly ExportColumn<Row>[],
  context: SendContext,
  guard: boolean,
): AsyncGenerator<TextPage> {
  for await (const page of pages)
    yield { text: serialisePage(page, columns, context, guard), rows: page.length };
}

interface RowSource<Row> {
  total?: number;
  pages: AsyncIterable<Row[]>;
}

function rowSource<Row>(
  source: RowSource<Row>,
  columns: readonly ExportColumn<Row>[],
  context: SendContext,
  job: JobOptions,
): TextSource {
  return { total: source.total, pages: serialised(source.pages, columns, context, job.formulaGuard ?? true) };
}

async function pump(
  source: TextSource,
  columnIds: readonly string[],
  job: JobOptions,
  sink: CsvSink,
  hooks: ExportHooks,
): Promise<ExportOutcome> {
  const guard = job.formulaGuard ?? true;
  const header = columnIds.map((id) => csvField(id, guard)).join(",") + CRLF;
  await sink.write((job.bom === false ? "" : BOM) + header);
  let rows = 0;
  hooks.onProgress?.(0, source.total);
  for await (const page of source.pages) {
    throwIfAborted(hooks.signal);
    await sink.write(page.text);
    rows += page.rows;
    hooks.onProgress?.(rows, source.total);
  }
  throwIfAborted(hooks.signal);
  const { chars, blob } = await sink.close();
  return { rows, chars, blob };
}

/**
 * One send list is written straight from the store's chunks (chunkPages.ts); several are merged
 * by time from Send rows (mergePages.ts). Both give the same bytes for the same rows.
 */
async function sendsSource(
  job: Extract<ExportJob, { kind: "sends" }>,
  ids: readonly string[],
  context: SendContext,
): Promise<TextSource> {
  const pageSize = job.pageSize ?? DEFAULT_PAGE_SIZE;
  const [only, ...others] = job.filter.datasets;
  if (only !== undefined && others.length === 0) {
    const columns = { ids, context, formulaGuard: job.formulaGuard ?? true };
    return chunkTextPages(only, job.filter, columns, pageSize);
  }
  return rowSource(await sendsPages(job.filter, pageSize), sendColumns(ids), context, job);
}

const NO_CONTEXT: SendContext = { campaignName: (dataset) => dataset };

/**
 * Runs one export into a sink, in whatever thread calls it: the worker does, and so do the unit
 * tests (with fake-indexeddb). On failure or cancel the sink is aborted and the error rethrown.
 */
export async function runExport(
  job: ExportJob,
  sink: CsvSink,
  hooks: ExportHooks = {},
): Promise<ExportOutcome> {
  try {
    throwIfAborted(hooks.signal);
    if (job.kind === "sends") {
      const ids = job.columns ?? defaultSendColumns(job.filter.datasets);
      sendColumns(ids); // refuses an unknown column before anything is read
      const context = ids.includes("campaign") ? await sendContext(job.filter.datasets) : NO_CONTEXT;
      return await pump(await sendsSource(job, ids, context), ids, job, sink, hooks);
    }
    const pumpRows = async <Row>(source: RowSource<Row>, columns: ExportColumn<Row>[]) =>
      pump(
        rowSource(source, columns, NO_CONTEXT, job),
        columns.map((column) => column.id),
        job,
        sink,
        hooks,
      );
    if (job.kind === "personHistory") {
      const columns = historyColumns(job.columns ?? DEFAULT_HISTORY_COLUMNS);
      return await pumpRows(await historyPages(job.target, job.pageSize), columns);
    }
    if (job.kind === "comparison") {
      const columns = comparisonColumns(job.columns ?? DEFAULT_COMPARISON_COLUMNS);
      return await pumpRows(await comparisonPages(job.query, job.pageSize, hooks.signal), columns);
    }
    const columns = errorLineColumns(job.columns ?? DEFAULT_ERROR_LINE_COLUMNS);
    return await pumpRows(await errorLinePages(job.target, job.pageSize), columns);
  } catch (error) {
    // The first failure is the one to report; a failing abort is only worth a note beside it.
    await sink.abort(error).then(undefined, (abortError: unknown) => {
      console.warn("export: could not discard the partial output", abortError);
    });
    throw error;
  }
}
