import { clock as realTime } from "../core/clock";

// Simulated time. Activity progress, sends arriving, retention, code expiry and the daily quota all
// read this clock, so a test can jump days ahead with `advance(ms)` instead of waiting.

export interface Clock {
  /** Simulated epoch ms. */
  now(): number;
  /** Moves simulated time forward (never backward). */
  advance(ms: number): void;
  /**
   * The instant the generated data is anchored to: every generated timestamp is an offset from it.
   * Two sandboxes with the same seed and anchor serve identical data.
   */
  readonly anchor: number;
}

const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/**
 * `startTime` is where simulated time begins (default: the real time now). `timeScale` is how
 * many simulated ms pass per real ms (1 = real time, 0 = frozen: only `advance` moves it, which is
 * what deterministic tests want). The data anchor is `startTime` floored to the whole minute: the
 * showcase activities run for the first minutes after start, and two sandboxes created within the
 * same minute with the same seed serve identical data.
 */
export function makeClock(options: { startTime?: number; timeScale?: number; anchor?: number }): Clock {
  const start = options.startTime ?? realTime.now();
  const scale = options.timeScale ?? 1;
  const realStart = realTime.now();
  let advanced = 0;
  return {
    anchor: options.anchor ?? Math.floor(start / MINUTE_MS) * MINUTE_MS,
    now: () => start + (realTime.now() - realStart) * scale + advanced,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance(ms) needs a finite ms >= 0");
      advanced += ms;
    },
  };
}

export const DAY_MS = 86_400_000;
export { HOUR_MS };

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
