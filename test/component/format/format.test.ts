import { describe, expect, it } from "vitest";
import { nextUtcMidnight, utcDay } from "../../../src/core/utcDay";
import { formatBytes, formatCount, formatPercent } from "../../../src/ui/format/number";
import { formatDuration, formatRelative } from "../../../src/ui/format/time";

const NOW = Date.parse("2026-11-25T10:00:00.000Z");

describe("formatting for people", () => {
  it("relative times", () => {
    expect(formatRelative(NOW - 10_000, NOW)).toBe("just now");
    expect(formatRelative(NOW - 3 * 60_000, NOW)).toBe("3 min ago");
    expect(formatRelative(NOW - 3 * 3_600_000, NOW)).toBe("3 h ago");
    expect(formatRelative(NOW - 24 * 3_600_000, NOW)).toBe("1 day ago");
    expect(formatRelative("2026-11-20T10:00:00.000Z", NOW)).toBe("5 days ago");
    expect(formatRelative(NOW + 5 * 60_000, NOW)).toBe("in 5 min");
    expect(formatRelative("not a date", NOW)).toBe("at an unknown time");
  });

  it("durations", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
    expect(formatDuration(180_000)).toBe("3 min");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
    expect(formatDuration(100 * 3_600_000)).toBe("4 d 4 h");
    expect(formatDuration(-1)).toBe("—");
  });

  it("numbers, percents and bytes", () => {
    expect(formatCount(1_000_000)).toBe("1,000,000");
    expect(formatPercent(0.404)).toBe("40%");
    expect(formatPercent(2)).toBe("100%");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
  });

  it("the UTC day and its end, for the request budget", () => {
    expect(utcDay(NOW)).toBe("2026-11-25");
    expect(new Date(nextUtcMidnight(NOW)).toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });
});
