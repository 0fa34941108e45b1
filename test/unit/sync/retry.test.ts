import { describe, expect, it } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import { type RetryNotice, withRetries } from "../../../src/sync/retry";
import { fakeClock } from "./support/fakes";

function failingTimes(times: number, kind: MailroomError["kind"]) {
  let calls = 0;
  const task = async () => {
    calls += 1;
    if (calls <= times) throw new MailroomError(kind, kind);
    return "ok";
  };
  return { task, calls: () => calls };
}

describe("retry rules", () => {
  it("tells each retry before it waits: what failed, which try, and for how long", async () => {
    const clock = fakeClock();
    const told: RetryNotice[] = [];
    const { task } = failingTimes(2, "server");
    await withRetries(task, { clock, random: () => 1, onRetry: (retry) => told.push(retry) });
    expect(told).toEqual([
      { kind: "server", message: "server", attempt: 1, of: 4, waitMs: 500 },
      { kind: "server", message: "server", attempt: 2, of: 4, waitMs: 1000 },
    ]);
    const throttled: RetryNotice[] = [];
    await withRetries(failingTimes(1, "throttled").task, {
      clock,
      random: () => 0,
      onRetry: (retry) => throttled.push(retry),
    });
    expect(throttled).toEqual([
      { kind: "throttled", message: "throttled", attempt: 1, of: 30, waitMs: 1000 },
    ]);
  });

  it("waits and retries throttled answers", async () => {
    const clock = fakeClock();
    const { task, calls } = failingTimes(10, "throttled");
    expect(await withRetries(task, { clock, random: () => 0 })).toBe("ok");
    expect(calls()).toBe(11);
    expect(clock.slept.every((ms) => ms >= 1000)).toBe(true);
  });

  it("backs off exponentially with jitter on server and network errors, then gives up after 5 tries", async () => {
    const clock = fakeClock();
    const { task, calls } = failingTimes(99, "server");
    const error = await withRetries(task, { clock, random: () => 1 }).catch((e: unknown) => e);
    expect((error as MailroomError).kind).toBe("server");
    expect(calls()).toBe(5);
    expect(clock.slept).toEqual([500, 1000, 2000, 4000]);
    const jittered = fakeClock();
    await withRetries(failingTimes(2, "network").task, { clock: jittered, random: () => 0 });
    expect(jittered.slept).toEqual([250, 500]);
  });

  it("stops at once on quota_exceeded (telling the pacer) and on kinds a retry cannot cure", async () => {
    const clock = fakeClock();
    const told: MailroomError[] = [];
    const quota = failingTimes(1, "quota_exceeded");
    await expect(
      withRetries(quota.task, { clock, random: () => 0, onQuotaExceeded: async (e) => void told.push(e) }),
    ).rejects.toThrow();
    expect(quota.calls()).toBe(1);
    expect(told).toHaveLength(1);
    for (const kind of ["bad_response", "forbidden", "not_found", "unauthorized", "offline"] as const) {
      const once = failingTimes(1, kind);
      await expect(withRetries(once.task, { clock, random: () => 0 })).rejects.toThrow();
      expect(once.calls()).toBe(1);
    }
    expect(clock.slept).toEqual([]);
  });

  it("tries a body cut short again, like a server error, but not a well-formed answer of the wrong shape", async () => {
    const clock = fakeClock();
    const told: RetryNotice[] = [];
    let calls = 0;
    const cutOnce = async () => {
      calls += 1;
      if (calls === 1) throw new MailroomError("bad_response", "cut", { cutShort: true });
      return "ok";
    };
    expect(await withRetries(cutOnce, { clock, random: () => 1, onRetry: (r) => told.push(r) })).toBe("ok");
    expect(told).toEqual([{ kind: "bad_response", message: "cut", attempt: 1, of: 4, waitMs: 500 }]);
    let cutCalls = 0;
    const alwaysCut = async () => {
      cutCalls += 1;
      throw new MailroomError("bad_response", "cut", { cutShort: true });
    };
    await expect(withRetries(alwaysCut, { clock, random: () => 0 })).rejects.toThrow("cut");
    expect(cutCalls).toBe(5);
  });
});
