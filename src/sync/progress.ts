import type { SyncState } from "../db/types";

/** Rows per second since the run started; undefined before there is anything to measure. */
export function rateOf(rows: number, startedAt: number | undefined, now: number): number | undefined {
  if (startedAt === undefined || now <= startedAt || rows === 0) return undefined;
  return rows / ((now - startedAt) / 1000);
}

/** Seconds left, from the expected total (v3 send_history) and the run's rate; undefined if unknown. */
export function etaSeconds(
  state: Pick<SyncState, "expectedRows" | "rate" | "status" | "rows">,
): number | undefined {
  if (state.status !== "running" || state.expectedRows === undefined || !state.rate) return undefined;
  return Math.max(0, (state.expectedRows - state.rows) / state.rate);
}
