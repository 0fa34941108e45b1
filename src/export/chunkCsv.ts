import { type ChunkRows, contactIdsOf, emailAt, firstNameAt, lastNameAt, type SendChunk } from "../db";
import { parseSendsDatasetId } from "../db/datasets";
import { isoDate, type SendContext } from "./columns";
import { CRLF, csvField } from "./csv";
import { isoTimeFormatter, isoTimeWriter, isPlainIsoTime } from "./isoTime";
import { PieceBuffer, type PieceOut } from "./pieces";

/**
 * A send list's CSV lines built straight from its chunks' columns: no Send (nor TimedSend) per
 * row, a column's value that is the same on every row (campaign, report ids) quoted once per
 * export, and only the cells that can hold a quote, a separator or a formula start tested for one.
 * The text is byte for byte what serialisePage writes from Send rows with columns.ts (test:
 * test/unit/export/chunkCsv.test.ts compares the two on hostile rows).
 */

/** What a chunk says once for all its rows, for the cells of one row. */
interface ChunkFrame {
  chunk: SendChunk;
  lines: readonly string[];
  ids: readonly (string | undefined)[];
}

/** Appends one row's cell (quoted as needed) to `out`, in one or more pieces. */
type Cell = (frame: ChunkFrame, i: number, out: PieceOut) => void;

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
  return single(({ chunk, ids }, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error(`Stored send ${i} has no contact id`);
    // A packed id is a lower-case UUID: hex digits and dashes, nothing to quote or guard.
    return chunk.ids.text?.[i] === undefined ? id : csvField(id, guard);
  });
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
 * The CSV text (CRLF after every line) of the rows `from` to `to` (exclusive) of one chunk view.
 * Every cell's pieces, commas and line ends go into one PieceBuffer joined once: no string is made
 * per line, no array is grown per call, and what outlives the call is one flat string.
 */
export type ChunkTextWriter = (view: ChunkRows, from: number, to: number) => string;

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
  const out = new PieceBuffer();
  // A chunk is written in several calls (parts of 250 rows): its frame is made once.
  let frame: ChunkFrame | undefined;
  return ({ chunk, lines, rows }, from, to) => {
    if (frame?.chunk !== chunk || frame.lines !== lines) frame = { chunk, lines, ids: contactIdsOf(chunk) };
    for (let r = from; r < to; r++) {
      const i = rows[r]!;
      first(frame, i, out);
      for (const cell of rest) {
        out.push(",");
        cell(frame, i, out);
      }
      out.push(CRLF);
    }
    return out.take();
  };
}
