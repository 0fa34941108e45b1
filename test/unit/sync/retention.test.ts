import { describe, expect, it } from "vitest";
import type { BulkActivity } from "../../../src/db/types";
import { isBeyondRetention, markedGone } from "../../../src/sync/retention";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25);

function activity(id: string, generation: "v2" | "v3", ageDays: number): BulkActivity {
  return {
    accountId: "a",
    generation,
    activityId: id,
    type: "ADD_CONTACTS",
    status: "completed",
    rawStatus: "COMPLETE",
    createdAt: new Date(NOW - ageDays * DAY).toISOString(),
    firstSeenAt: NOW - ageDays * DAY,
    lastSeenAt: NOW - ageDays * DAY,
    goneFromServer: false,
    raw: {},
  };
}

describe("retention", () => {
  it("uses 14 days for v2 and 10 days for v3", () => {
    expect(isBeyondRetention(activity("a", "v2", 13), NOW)).toBe(false);
    expect(isBeyondRetention(activity("a", "v2", 15), NOW)).toBe(true);
    expect(isBeyondRetention(activity("a", "v3", 9), NOW)).toBe(false);
    expect(isBeyondRetention(activity("a", "v3", 11), NOW)).toBe(true);
  });

  it("marks only what is unlisted AND old; a young unlisted one (v2 lists only 50) stays as it is", () => {
    const held = [
      activity("old-unlisted", "v2", 20),
      activity("young-unlisted", "v2", 2),
      activity("old-listed", "v2", 20),
    ];
    const gone = markedGone(held, new Set(["old-listed"]), NOW);
    expect(gone.map((a) => [a.activityId, a.goneFromServer])).toEqual([["old-unlisted", true]]);
  });
});
