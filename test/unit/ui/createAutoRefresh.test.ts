import { createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setClock } from "../../../src/core/clock";
import type { SyncState } from "../../../src/db";
import { AUTO_REFRESH_AFTER_MS, createAutoRefresh } from "../../../src/ui/primitives/createAutoRefresh";
import { inRoot } from "./support/inRoot";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
let restoreClock: () => void;
beforeEach(() => {
  restoreClock = setClock({ now: () => NOW, sleep: async () => undefined });
});
afterEach(() => {
  restoreClock();
});

/** A screen's sync state query and the online flag, as signals the test sets. */
function opened(initial: { online: boolean; state?: Partial<SyncState> }) {
  const [loading, setLoading] = createSignal(true);
  const [state, setState] = createSignal<SyncState | undefined>();
  const [online, setOnline] = createSignal(initial.online);
  const refresh = vi.fn();
  inRoot(() => createAutoRefresh({ value: state, loading }, online, refresh));
  const answer = (next: Partial<SyncState> | undefined) => {
    setState(next as SyncState | undefined);
    setLoading(false);
  };
  return { refresh, answer, setOnline };
}

describe("createAutoRefresh", () => {
  it("refreshes once a cache older than five minutes is read, and only once", () => {
    const screen = opened({ online: true });
    expect(screen.refresh).not.toHaveBeenCalled();
    screen.answer({ fetchedAt: NOW - AUTO_REFRESH_AFTER_MS - 1 });
    screen.answer({ fetchedAt: NOW - AUTO_REFRESH_AFTER_MS - 2 });
    expect(screen.refresh).toHaveBeenCalledTimes(1);
  });

  it("leaves a fresh cache alone, but retries one whose last run failed", () => {
    const fresh = opened({ online: true });
    fresh.answer({ fetchedAt: NOW - 1_000 });
    expect(fresh.refresh).not.toHaveBeenCalled();
    const failed = opened({ online: true });
    failed.answer({ fetchedAt: NOW - 1_000, lastError: { kind: "server", message: "500", at: NOW } });
    expect(failed.refresh).toHaveBeenCalledTimes(1);
  });

  it("waits while offline, and refreshes a missing cache when the browser comes online", () => {
    const screen = opened({ online: false });
    screen.answer(undefined);
    expect(screen.refresh).not.toHaveBeenCalled();
    screen.setOnline(true);
    expect(screen.refresh).toHaveBeenCalledTimes(1);
  });
});
