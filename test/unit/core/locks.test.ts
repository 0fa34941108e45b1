import { describe, expect, it } from "vitest";
import {
  paceLockName,
  platformLocks,
  refreshLockName,
  syncLockName,
  withLock,
} from "../../../src/core/locks";
import { memoryLocks } from "../sync/support/fakes";

/** A promise the test settles itself, so that an order is shown without waiting for time. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("the lock names", () => {
  it("are built in one place, as every tab and the worker expect them", () => {
    expect(syncLockName("acc-1|activities")).toBe("mailroom-sync-acc-1|activities");
    expect(paceLockName("client-1")).toBe("mailroom-pace-client-1");
    expect(refreshLockName("acc-1", "v3")).toBe("mailroom-refresh-acc-1-v3");
  });
});

describe("holding a lock", () => {
  it("goes through Web Locks when there are some", async () => {
    const locks = memoryLocks();
    expect(await withLock(locks, "l", async () => "done")).toBe("done");
    expect(locks.granted).toEqual(["l"]);
  });

  it("falls back to an in-memory queue where navigator.locks is missing (jsdom)", async () => {
    expect(platformLocks()).toBeUndefined();
    const order: string[] = [];
    const releaseA = deferred();
    const a = withLock(undefined, "q", async () => {
      order.push("a start");
      await releaseA.promise;
      order.push("a end");
      return "a";
    });
    const b = withLock(undefined, "q", async () => {
      order.push("b start");
      return "b";
    });
    // Let every queued callback that could run, run: b must still wait for a.
    await withLock(undefined, "other", async () => undefined);
    expect(order).toEqual(["a start"]);
    releaseA.resolve();
    expect(await Promise.all([a, b])).toEqual(["a", "b"]);
    expect(order).toEqual(["a start", "a end", "b start"]);
  });

  it("lets the next holder run after a failure, and gives the failure to its own caller", async () => {
    const failing = withLock(undefined, "f", () => Promise.reject(new Error("boom")));
    const next = withLock(undefined, "f", async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe("ran");
  });
});
