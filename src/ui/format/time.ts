// Times as people read them: "3 min ago" next to the exact local time in a tooltip.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeInput = number | string | Date;

export function toEpochMs(at: TimeInput): number {
  if (typeof at === "number") return at;
  if (at instanceof Date) return at.getTime();
  return Date.parse(at);
}

/** "just now", "3 min ago", "2 h ago", "4 days ago", "in 5 min". */
export function formatRelative(at: TimeInput, now: number): string {
  const ms = toEpochMs(at);
  if (Number.isNaN(ms)) return "at an unknown time";
  const delta = now - ms;
  const size = Math.abs(delta);
  let amount: string;
  if (size < 45_000) return "just now";
  if (size < HOUR) amount = `${Math.round(size / MINUTE)} min`;
  else if (size < DAY) amount = `${Math.round(size / HOUR)} h`;
  else {
    const days = Math.round(size / DAY);
    amount = `${days} ${days === 1 ? "day" : "days"}`;
  }
  return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "short" });

/** The exact local date and time, in the user's own format. */
export function formatAbsolute(at: TimeInput): string {
  const ms = toEpochMs(at);
  return Number.isNaN(ms) ? "unknown time" : absoluteFormat.format(ms);
}

export function formatShort(at: TimeInput): string {
  const ms = toEpochMs(at);
  return Number.isNaN(ms) ? "unknown time" : shortFormat.format(ms);
}

/** ISO 8601 for `<time datetime>`. */
export function toIso(at: TimeInput): string | undefined {
  const ms = toEpochMs(at);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
