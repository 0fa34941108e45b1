import { describe, expect, it } from "vitest";
import { isMailroomError } from "../../../src/core/errors";
import { db } from "../../../src/db";
import { makePacer, paceWait, requestsPerSecondFor } from "../../../src/sync/pacer";
import { fakeClock, freshDb } from "./support/fakes";

describe("the pacer", () => {
  it("spaces requests at least 250 ms apart and never lets 5 start within one second", async () => {
    freshDb();
    const clock = fakeClock();
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, clock });
    const starts: number[] = [];
    for (let i = 0; i < 40; i++) {
      await pacer.slot();
      starts.push(clock.now());
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(250);
    for (let i = 4; i < starts.length; i++) expect(starts[i]! - starts[i - 4]!).toBeGreaterThan(1000);
    const perSecond = (starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000);
    expect(perSecond).toBeGreaterThanOrEqual(3.8);
  });

  it("spaces from when a request actually left when its grant's commit lagged", async () => {
    freshDb();
    const base = fakeClock();
    let reads = 0;
    // Every reading of the clock is 30 ms after the one before: the grant is stamped inside the
    // transaction, the request leaves at the pacer's last reading, later.
    const clock = { now: () => base.now() + 30 * reads++, sleep: base.sleep };
    const lastReading = () => base.now() + 30 * (reads - 1);
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, clock });
    await pacer.slot();
    const leftAt = lastReading();
    expect(leftAt).toBeGreaterThan(base.now());
    await pacer.slot();
    const recent = (await db().budget.get("k"))?.recent ?? [];
    expect(recent[0]).toBe(leftAt);
    expect(recent[1]! - recent[0]!).toBeGreaterThanOrEqual(250);
  });

  it("holds 4 requests/s when each decision waits behind other writes: the slot is reserved ahead", async () => {
    freshDb();
    const clock = fakeClock();
    // A busy page: the budget's lock and transaction wait 40 ms behind a page of sends being stored.
    const locks = {
      request: async (_name: string, task: () => Promise<unknown>) => {
        await clock.sleep(40);
        return task();
      },
    } as unknown as LockManager;
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, clock, locks });
    const starts: number[] = [];
    for (let i = 0; i < 40; i++) {
      await pacer.slot();
      starts.push(clock.now());
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(250);
    const perSecond = (starts.length - 1) / ((starts.at(-1)! - starts[0]!) / 1000);
    expect(perSecond).toBeGreaterThanOrEqual(3.8);
  });

  it("shares one budget between pacers of the same key (tabs, worker) through IndexedDB", async () => {
    freshDb();
    const clock = fakeClock();
    const tabA = makePacer({ appKey: "k", requestsPerSecond: 4, clock });
    const tabB = makePacer({ appKey: "k", requestsPerSecond: 4, clock });
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) {
      await (i % 2 ? tabA : tabB).slot();
      starts.push(clock.now());
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(250);
    expect((await db().budget.get("k"))?.used).toBe(10);
  });

  it("counts the day's budget, stops with quota_exceeded at the limit, and resets at 00:00 UTC", async () => {
    freshDb();
    const clock = fakeClock(Date.UTC(2026, 10, 25, 23, 59, 0));
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, dailyLimit: 3, clock });
    for (let i = 0; i < 3; i++) await pacer.slot();
    const error = await pacer.slot().catch((e: unknown) => e);
    expect(isMailroomError(error) && error.kind).toBe("quota_exceeded");
    expect(isMailroomError(error) && error.details.resetsAt).toBe(Date.UTC(2026, 10, 26));
    expect(await db().budget.get("k")).toMatchObject({ day: "2026-11-25", used: 3 });

    clock.set(Date.UTC(2026, 10, 26, 0, 0, 1));
    await pacer.slot();
    expect(await db().budget.get("k")).toMatchObject({ day: "2026-11-26", used: 1 });
  });

  it("after a quota_exceeded answer, refuses every request until the reset without asking the server", async () => {
    freshDb();
    const clock = fakeClock(Date.UTC(2026, 10, 25, 10));
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, clock });
    await pacer.block(Date.UTC(2026, 10, 26));
    expect(await pacer.slot().catch((e: unknown) => isMailroomError(e) && e.kind)).toBe("quota_exceeded");
    clock.set(Date.UTC(2026, 10, 26, 0, 0, 1));
    await expect(pacer.slot()).resolves.toBeUndefined();
  });

  it("a budget that cannot be written is a storage error, not a network one", async () => {
    freshDb();
    const pacer = makePacer({ appKey: "k", requestsPerSecond: 4, clock: fakeClock() });
    const table = db().budget;
    table.put = (async () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }) as unknown as typeof table.put;
    const error = await pacer.slot().catch((e: unknown) => e);
    expect(isMailroomError(error) && error.kind).toBe("storage");
  });

  it("with 0 requests per second does not space requests (sandbox bench only)", () => {
    expect(paceWait([1000, 1001, 1002, 1003], 1003, 0)).toBe(0);
    expect(paceWait([1000], 1100, 4)).toBe(150);
  });

  it("lets only sandbox accounts go faster than 4/s or unpaced", () => {
    expect(requestsPerSecondFor({ sandbox: false })).toBe(4);
    expect(requestsPerSecondFor({ sandbox: false, requestsPerSecond: 100 })).toBe(4);
    expect(requestsPerSecondFor({ sandbox: false, requestsPerSecond: 0 })).toBe(4);
    expect(requestsPerSecondFor({ sandbox: false, requestsPerSecond: 2 })).toBe(2);
    expect(requestsPerSecondFor({ sandbox: true, requestsPerSecond: 0 })).toBe(0);
    expect(requestsPerSecondFor({ sandbox: true, requestsPerSecond: 50 })).toBe(50);
    expect(requestsPerSecondFor({ sandbox: true })).toBe(4);
  });
});
