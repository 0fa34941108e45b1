import { createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLockHeld } from "../../../src/ui/primitives/createLockHeld";
import { inRoot } from "./support/inRoot";

/** Web Locks whose held names the test sets. */
function stubLocks() {
  const held = new Set<string>();
  const query = vi.fn(async () => ({
    held: [...held].map((name) => ({ name, mode: "exclusive" as const })),
  }));
  Object.defineProperty(navigator, "locks", { value: { query }, configurable: true });
  return { held, query };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, "locks");
});

describe("createLockHeld", () => {
  it("tells whether the lock is held, checked again every second while asked", async () => {
    const locks = stubLocks();
    locks.held.add("mailroom-sync-x");
    const [held] = inRoot(() =>
      createLockHeld(
        () => "mailroom-sync-x",
        () => true,
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(held()).toBe(true);
    locks.held.clear();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(held()).toBe(false);
  });

  it("asks nothing while not wanted, and stops checking with its owner", async () => {
    const locks = stubLocks();
    const [wanted, setWanted] = createSignal(false);
    const [held, dispose] = inRoot(() => createLockHeld(() => "mailroom-sync-x", wanted));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(locks.query).not.toHaveBeenCalled();
    expect(held()).toBeUndefined();
    setWanted(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(locks.query).toHaveBeenCalledTimes(1);
    dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(locks.query).toHaveBeenCalledTimes(1);
  });
});
