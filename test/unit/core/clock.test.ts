import { afterEach, describe, expect, it } from "vitest";
import { abortAfter, clock, realClock, setClock } from "../../../src/core/clock";
import { manualWaits } from "../../support/manualWaits";
import { machineNow } from "../../support/shiftDate";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("the app's one clock", () => {
  it("is the machine's date, moved as far ahead as the suite's run asks", () => {
    const aheadMs = Number(process.env.MAILROOM_TEST_DAYS_AHEAD ?? 0) * 86_400_000;
    expect(Math.abs(Date.now() - machineNow() - aheadMs)).toBeLessThan(5_000);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5_000);
  });

  it("follows a clock put in force after the module was loaded, until it is restored", async () => {
    const fixed = { now: () => 42, sleep: async () => {} };
    restore = setClock(fixed);
    expect(clock.now()).toBe(42);
    await clock.sleep(60_000);
    restore();
    restore = undefined;
    expect(clock.now()).not.toBe(42);
  });

  it("stops a wait when its signal is aborted", async () => {
    const controller = new AbortController();
    const wait = realClock.sleep(60_000, controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(wait).rejects.toThrow("cancelled");
  });
});

describe("a timeout on the clock (abortAfter)", () => {
  it("aborts with its reason once the clock's wait ends, and not while it runs", async () => {
    const waits = manualWaits();
    restore = waits.restore;
    const signal = abortAfter(20_000, () => new Error("No answer in time."));
    expect(waits.pending()).toEqual([20_000]);
    expect(signal.aborted).toBe(false);
    const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve));
    waits.elapse(20_000);
    await aborted;
    expect(signal.reason).toEqual(new Error("No answer in time."));
  });

  it("ends its wait and never aborts when what it guards settled first", () => {
    const waits = manualWaits();
    restore = waits.restore;
    const settled = new AbortController();
    const signal = abortAfter(20_000, () => new Error("No answer in time."), settled.signal);
    settled.abort();
    expect(waits.pending()).toEqual([]);
    expect(signal.aborted).toBe(false);
  });
});
