/**
 * Epoch milliseconds as `Date.prototype.toISOString` writes them, for a million rows: the date
 * and hour are formatted once per hour of rows (a send list is read in time order, so most rows
 * fall in the hour of the row before), minutes, seconds and milliseconds from tables. Years
 * outside 0000-9999, which toISOString writes with a sign and six digits, go to toISOString.
 */
import { PieceBuffer, type PieceOut } from "./pieces";

const HOUR_MS = 3_600_000;
const FIRST_PLAIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_PLAIN_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const pad = (n: number, digits: number) => String(n).padStart(digits, "0");
/** "MM:SS." of each second of an hour, and "mmmZ" of each millisecond: a time is three pieces. */
const MINUTE_SECOND = /* @__PURE__ */ Array.from(
  { length: 3600 },
  (_, s) => `${pad(Math.floor(s / 60), 2)}:${pad(s % 60, 2)}.`,
);
const MILLIS_Z = /* @__PURE__ */ Array.from({ length: 1000 }, (_, n) => `${pad(n, 3)}Z`);

/** True when toISOString writes this time digits first (no sign): it needs no CSV quoting or guard. */
export function isPlainIsoTime(ms: number): boolean {
  return ms >= FIRST_PLAIN_MS && ms <= LAST_PLAIN_MS;
}

/**
 * A writer with its own one-hour cache: appends the text's pieces to `out` (the export's page
 * bytes, utf8Page.ts, so no string is made per time). Throws RangeError for an invalid time, as
 * toISOString does.
 */
export function isoTimeWriter(): (ms: number, out: PieceOut) => void {
  let hourStart = Number.NaN;
  /** "YYYY-MM-DDTHH:" of the hour cached. */
  let hourPrefix = "";
  return (ms, out) => {
    let inHour = ms - hourStart;
    if (!(inHour >= 0 && inHour < HOUR_MS)) {
      if (!isPlainIsoTime(ms) || !Number.isInteger(ms)) {
        out.push(new Date(ms).toISOString());
        return;
      }
      inHour = ((ms % HOUR_MS) + HOUR_MS) % HOUR_MS;
      hourStart = ms - inHour;
      hourPrefix = new Date(hourStart).toISOString().slice(0, 14);
    }
    out.push(hourPrefix);
    out.push(MINUTE_SECOND[Math.floor(inHour / 1000)]!);
    out.push(MILLIS_Z[inHour % 1000]!);
  };
}

/** The same as one string. */
export function isoTimeFormatter(): (ms: number) => string {
  const write = isoTimeWriter();
  const out = new PieceBuffer();
  return (ms) => {
    write(ms, out);
    return out.take();
  };
}
