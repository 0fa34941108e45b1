import { describe, expect, it } from "vitest";
import { isPageToWorker, isWorkerBroadcast } from "../../../src/core/messages";
import {
  nextPollDelay,
  POLL_FAST_MS,
  POLL_IDLE_MS,
  POLL_SLOWEST_WHILE_RUNNING_MS,
} from "../../../src/sync/pollSchedule";
import { type PollStatus, reduce } from "../../../src/ui/pwa/createPollStatus";

describe("the poll schedule", () => {
  it("polls quickly while a job runs, then backs off for a job that stays unfinished", () => {
    expect(nextPollDelay(1, 0)).toBe(POLL_FAST_MS);
    expect(nextPollDelay(1, 3)).toBe(POLL_FAST_MS);
    expect(nextPollDelay(1, 4)).toBe(POLL_FAST_MS * 2);
    expect(nextPollDelay(2, 5)).toBe(POLL_FAST_MS * 4);
    expect(nextPollDelay(1, 50)).toBe(POLL_SLOWEST_WHILE_RUNNING_MS);
  });

  it("only looks for new jobs now and then when nothing runs", () => {
    expect(nextPollDelay(0, 0)).toBe(POLL_IDLE_MS);
    expect(nextPollDelay(0, 9)).toBe(POLL_IDLE_MS);
  });
});

describe("the page/worker vocabulary", () => {
  it("accepts the messages it defines and nothing else", () => {
    expect(isPageToWorker({ type: "POLL_NOW", reason: "user" })).toBe(true);
    expect(isPageToWorker({ type: "SKIP_WAITING" })).toBe(true);
    expect(isPageToWorker({ type: "poll-started" })).toBe(false);
    expect(isPageToWorker("POLL_NOW")).toBe(false);
    expect(isPageToWorker(null)).toBe(false);
    expect(isWorkerBroadcast({ type: "poll-finished", at: 1, unfinished: 0, nextPollInMs: 5 })).toBe(true);
    expect(isWorkerBroadcast({ type: "POLL_NOW" })).toBe(false);
    expect(isWorkerBroadcast(undefined)).toBe(false);
  });
});

describe("the poll status the pages show", () => {
  const idle: PollStatus = { polling: false };

  it("follows a round from start to finish", () => {
    const started = reduce(idle, { type: "poll-started", at: 10 });
    expect(started.polling).toBe(true);
    const finished = reduce(started, { type: "poll-finished", at: 20, unfinished: 2, nextPollInMs: 5000 });
    expect(finished).toMatchObject({ polling: false, lastPollAt: 20, nextPollAt: 5020 });
  });

  it("keeps a failure visible until the next round starts", () => {
    const failed = reduce(
      { polling: true },
      { type: "poll-failed", accountId: "a", kind: "server", message: "Constant Contact answered 503" },
    );
    const finished = reduce(failed, { type: "poll-finished", at: 1, unfinished: 0, nextPollInMs: 1 });
    expect(finished.failure?.message).toBe("Constant Contact answered 503");
    expect(reduce(finished, { type: "poll-started", at: 2 }).failure).toBeUndefined();
  });

  it("says why polling paused, and clears it when polling starts again", () => {
    const paused = reduce(idle, { type: "poll-paused", reason: "offline" });
    expect(paused.paused).toBe("offline");
    expect(reduce(paused, { type: "poll-started", at: 3 }).paused).toBeUndefined();
  });
});
