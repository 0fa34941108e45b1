import { formatCount } from "../../core/formatCount";

// Numbers in English grouping, matching the English text around them (counts: core/formatCount.ts).
export { formatCount };

const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "12.5" rows/s; whole numbers stay whole. */
export function formatRate(n: number): string {
  return decimal.format(n);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** 1536 → "1.5 KB" (powers of 1024, as storage tools show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : decimal.format(value)} ${UNITS[unit]}`;
}

/** "1 send" / "3 sends". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
