import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createNow } from "../../../src/ui/primitives/createNow";
import { inRoot } from "./support/inRoot";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createNow", () => {
  it("ticks every interval on the app's clock, and stops with its owner", () => {
    const [now, dispose] = inRoot(() => createNow(15_000));
    const start = now();
    vi.advanceTimersByTime(14_999);
    expect(now()).toBe(start);
    vi.advanceTimersByTime(1);
    expect(now()).toBe(start + 15_000);
    dispose();
    vi.advanceTimersByTime(15_000);
    expect(now()).toBe(start + 15_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
