/**
 * A pure RFC 4180 serializer: comma separator, CRLF line ends, quotes doubled, and a field quoted
 * only when it holds a comma, a semicolon, a quote, CR or LF (a semicolon because Excel set to a
 * German, French or Dutch locale splits on it). Strings are JavaScript strings; the sink encodes
 * them as UTF-8 (Blob and FileSystemWritableFileStream both do).
 *
 * Formula-injection guard (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
 * `=`, `+`, `-` or `@` as a formula, and tab, CR or NUL at the start can smuggle one past a naive
 * check. With the guard on, such a cell (headers too) is written with a leading single quote `'`,
 * which Excel, LibreOffice and Google Sheets show as text. A spreadsheet that splits on `;` starts
 * a cell after every `;`, quoted or not (quotes count only where its own cell begins), so inside a
 * field a `;` followed by a formula start (past any quotes) gets the same `'` after it. The guard
 * changes the value a program reads back, which is why it can be turned off for files meant for
 * other programs.
 */

/** The UTF-8 byte order mark: without it Excel opens a UTF-8 file as Windows-1252. */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvOptions {
  /** Neutralise cells that a spreadsheet would run as a formula. Default true. */
  formulaGuard?: boolean;
}

const NEEDS_QUOTES = /[",;\r\n]/;
// Most cells need neither quoting nor the guard: one test lets them through untouched.
const PLAIN_UNLESS = /^[=+\-@\t\r\0]|[",;\r\n]/;
const FORMULA_START = /^[=+\-@\t\r\0]/;
/** A `;` where a `;`-splitting spreadsheet would begin a cell that runs as a formula. */
const FORMULA_AFTER_SEMICOLON = /;(?="*[=+\-@\t\r\0])/g;
const QUOTE = /"/g;

/** True when a spreadsheet could read this text as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** ISO 8601 UTC with milliseconds; an invalid date is an error, not an empty cell. */
export function isoUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Cannot write an invalid date to CSV");
  return date.toISOString();
}

function asText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return isoUtc(value);
  return String(value);
}

/** One field, quoted and guarded as needed. Empty, null and undefined give an empty field. */
export function csvField(value: CsvValue, formulaGuard = true): string {
  let text = asText(value);
  if (text === "" || !PLAIN_UNLESS.test(text)) return text;
  if (formulaGuard && FORMULA_START.test(text)) text = `'${text}`;
  if (formulaGuard) text = text.replace(FORMULA_AFTER_SEMICOLON, ";'");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRow(values: readonly CsvValue[], options: CsvOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const fields = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) fields[i] = csvField(values[i], guard);
  return fields.join(",") + CRLF;
}

/** Many records as one string: an export page becomes one string, not one per row. */
export function csvRows(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = csvRow(rows[i] ?? [], options);
  return lines.join("");
}

/** A whole small document (header + rows), for tests and small exports. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions & { bom?: boolean } = {},
): string {
  return (options.bom === false ? "" : BOM) + csvRow(header, options) + csvRows(rows, options);
}
