/** The real epoch ms, read without `Date` (which `shiftDate` replaces). */
export function machineNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Replaces the global `Date` with one that runs `offsetMs` ahead of the machine: `Date.now()` and
 * `new Date()` move, while dates built from a value (`new Date(ms)`, `Date.UTC`, `Date.parse`) stay
 * as they are. Time still flows, unlike a frozen fake.
 */
export function shiftDate(offsetMs: number): void {
  const RealDate = globalThis.Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
