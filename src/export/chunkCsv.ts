import {
  type ChunkRows,
  contactIdCodesOf,
  emailAt,
  firstNameAt,
  lastNameAt,
  type SendChunk,
  UUID_LENGTH,
} from "../db";
import { parseSendsDatasetId } from "../db/datasets";
import { isoDate, type SendContext } from "./columns";
import { CRLF, csvField } from "./csv";
import { isoTimeFormatter, isoTimeWriter, isPlainIsoTime } from "./isoTime";
import type { Utf8PageBuffer } from "./utf8Page";

/**
 * A send list's CSV lines written straight from its chunks' columns into a page's UTF-8 bytes
 * (utf8Page.ts): no Send (nor TimedSend) per row, no string per line, a column's value that is the
 * same on every row (campaign, report ids) quoted once per export, the packed contact ids copied
 * as character codes, and only the cells that can hold a quote, a separator or a formula start
 * tested for one.
 * The text is byte for byte what serialisePage writes from Send rows with columns.ts (test:
 * test/unit/export/chunkCsv.test.ts compares the two on hostile rows).
 */

/** What a chunk says once for all its rows, for the cells of one row. */
interface ChunkFrame {
  chunk: SendChunk;
  lines: readonly string[];
  /** contactIdCodesOf(chunk). */
  idCodes: Uint8Array | undefined;
}

/** Appends one row's cell (quoted as needed) to `out`, in one or more pieces. */
type Cell = (frame: ChunkFrame, i: number, out: Utf8PageBuffer) => void;

/** A cell that is one string. */
const single =
  (value: (frame: ChunkFrame, i: number) => string): Cell =>
  (frame, i, out) => {
    out.push(value(frame, i));
  };

function sentAtCell(guard: boolean): Cell {
  const writeIso = isoTimeWriter();
  const iso = isoTimeFormatter();
  return ({ chunk }, i, out) => {
    const ms = chunk.firstMs + (chunk.offsets[i] ?? 0);
    if (isPlainIsoTime(ms)) writeIso(ms, out);
    else out.push(csvField(iso(ms), guard));
  };
}

function contactIdCell(guard: boolean): Cell {
  return ({ chunk, idCodes }, i, out) => {
    const kept = chunk.ids.text?.[i];
    if (kept !== undefined) out.push(csvField(kept, guard));
    // A packed id is a lower-case UUID: hex digits and dashes, nothing to quote or guard.
    else if (idCodes) out.pushAscii(idCodes, i * UUID_LENGTH, (i + 1) * UUID_LENGTH);
    else throw new Error(`Stored send ${i} has no contact id`);
  };
}

/** The cell of column `id` for rows of `dataset`, as SEND_COLUMNS[id].value gives it, quoted. */
function cellOf(id: string, dataset: string, context: SendContext, guard: boolean): Cell {
  const { generation, reportId } = parseSendsDatasetId(dataset);
  const constant = (value: string | undefined): Cell => {
    const field = csvField(value, guard);
    return (_frame, _i, out) => {
      out.push(field);
    };
  };
  switch (id) {
    case "campaign":
      return constant(context.campaignName(dataset));
    case "activity_type":
      return constant("EMAIL_SEND");
    case "campaign_id":
      return constant(generation === "v2" ? reportId : undefined);
    case "campaign_activity_id":
      return constant(generation === "v3" ? reportId : undefined);
    case "contact_id":
      return contactIdCell(guard);
    case "email_address":
      return single(({ chunk, lines }, i) => csvField(emailAt(chunk, lines, i), guard));
    case "first_name":
      return single(({ chunk }, i) => csvField(firstNameAt(chunk, i), guard));
    case "last_name":
      return single(({ chunk }, i) => csvField(lastNameAt(chunk, i), guard));
    case "send_date":
    case "created_time":
      return sentAtCell(guard);
    case "deleted_at":
      return single(({ chunk }, i) => csvField(isoDate(chunk.deleted?.[i]), guard));
    default:
      throw new Error(`Unknown export column: ${id}`);
  }
}

/**
 * Writes the CSV lines (CRLF after every line) of the rows `from` to `to` (exclusive) of one chunk
 * view into `out`.
 */
export type ChunkTextWriter = (view: ChunkRows, from: number, to: number, out: Utf8PageBuffer) => void;

/** The text writer of one send list for these column ids (checked by sendColumns beforehand). */
export function chunkTextWriter(
  ids: readonly string[],
  dataset: string,
  context: SendContext,
  guard: boolean,
): ChunkTextWriter {
  const cells = ids.map((id) => cellOf(id, dataset, context, guard));
  const first = cells[0];
  if (!first) throw new Error("Choose at least one column to export");
  const rest = cells.slice(1);
  // A chunk is written in several calls (it may end one page and start the next): its frame is made once.
  let frame: ChunkFrame | undefined;
  return ({ chunk, lines, rows }, from, to, out) => {
    if (frame?.chunk !== chunk || frame.lines !== lines)
      frame = { chunk, lines, idCodes: contactIdCodesOf(chunk) };
    for (let r = from; r < to; r++) {
      const i = rows[r]!;
      first(frame, i, out);
      for (const cell of rest) {
        out.push(",");
        cell(frame, i, out);
      }
      out.push(CRLF);
    }
  };
}
