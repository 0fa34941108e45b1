import { describe, expect, it } from "vitest";
import { POLL_FAST_MS, POLL_IDLE_MS } from "../../../src/sync/pollSchedule";
import { shouldWakePoller } from "../../../src/ui/pwa/wakeForNewJobs";

const NOW = 1_000_000;
const idle = { polling: false, nextPollAt: NOW + POLL_IDLE_MS };

describe("waking the poller for new jobs", () => {
  it("wakes it when more jobs are unfinished and the next round is far off", () => {
    expect(shouldWakePoller(0, 1, idle, NOW)).toBe(true);
    expect(shouldWakePoller(2, 3, { polling: false, nextPollAt: NOW + 60_000 }, NOW)).toBe(true);
  });

  it("leaves it alone when nothing new is unfinished, or a round runs, is due soon, or is paused", () => {
    expect(shouldWakePoller(2, 2, idle, NOW)).toBe(false);
    expect(shouldWakePoller(3, 1, idle, NOW)).toBe(false);
    expect(shouldWakePoller(0, 1, { ...idle, polling: true }, NOW)).toBe(false);
    expect(shouldWakePoller(0, 1, { polling: false, nextPollAt: NOW + POLL_FAST_MS }, NOW)).toBe(false);
    expect(shouldWakePoller(0, 1, { ...idle, paused: "offline" }, NOW)).toBe(false);
    // A tab that has not heard the schedule yet: the elected tab polls on its own start.
    expect(shouldWakePoller(0, 1, { polling: false }, NOW)).toBe(false);
  });
});
