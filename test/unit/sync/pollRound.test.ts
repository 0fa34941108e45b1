import { describe, expect, it } from "vitest";
import { AuthRequiredError } from "../../../src/auth/types";
import { db } from "../../../src/db";
import { isTerminalStatus, unfinishedActivitiesOf } from "../../../src/db/activities";
import { makePollRounds, type PollEvent, refreshActivities } from "../../../src/sync";
import { POLL_FAST_MS, POLL_IDLE_MS } from "../../../src/sync/pollSchedule";
import { freshDb, json } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

const HOURS_2 = 2 * 60 * 60_000;

async function collect(events: AsyncIterable<PollEvent>): Promise<PollEvent[]> {
  const seen: PollEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const types = (events: PollEvent[]) => events.map((e) => e.broadcast.type);

describe("a poll round of the service worker", () => {
  it("offline, only says it pauses, and asks nothing", async () => {
    freshDb();
    const s = await sandboxSession();
    const events = await collect(makePollRounds(s.deps).round(false));
    expect(events).toEqual([{ broadcast: { type: "poll-paused", reason: "offline" } }]);
    expect(s.requests).toEqual([]);
  });

  it("tells every job that ended, with its notification, then how many are left and when to look again", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const unfinishedBefore = await unfinishedActivitiesOf(s.account.id);
    expect(unfinishedBefore.length).toBeGreaterThan(0);
    s.sandbox.advance(HOURS_2);
    s.clock.set(s.clock.now() + HOURS_2);

    const events = await collect(makePollRounds(s.deps).round(true));

    expect(events[0]).toEqual({ broadcast: { type: "poll-started", at: s.clock.now() } });
    const finished = events.filter((e) => e.broadcast.type === "activity-finished");
    expect(finished.length).toBeGreaterThan(0);
    for (const { broadcast, notify } of finished) {
      const stored = await db().activities.get([s.account.id, notify!.generation, notify!.activityId]);
      expect(isTerminalStatus(stored!.status)).toBe(true);
      expect(unfinishedBefore.map((a) => a.activityId)).toContain(notify!.activityId);
      expect(broadcast).toEqual({
        type: "activity-finished",
        accountId: s.account.id,
        generation: stored!.generation,
        activityId: stored!.activityId,
        status: stored!.status,
      });
    }
    const left = (await unfinishedActivitiesOf(s.account.id)).length;
    expect(events.at(-1)?.broadcast).toEqual({
      type: "poll-finished",
      at: s.clock.now(),
      unfinished: left,
      nextPollInMs: left === 0 ? POLL_IDLE_MS : POLL_FAST_MS,
    });
  });

  it("backs off after rounds in a row that see no job end", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    expect((await unfinishedActivitiesOf(s.account.id)).length).toBeGreaterThan(0);
    const rounds = makePollRounds(s.deps);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const last = (await collect(rounds.round(true))).at(-1)?.broadcast;
      if (last?.type === "poll-finished") {
        delays.push(last.nextPollInMs);
        // Each round runs when the one before said (the back-off is per job, by its own schedule).
        s.clock.set(s.clock.now() + last.nextPollInMs);
      }
    }
    // The sandbox's time is frozen: nothing moves, so each job's fifth check doubles the wait.
    expect(delays).toEqual([POLL_FAST_MS, POLL_FAST_MS, POLL_FAST_MS, POLL_FAST_MS, 2 * POLL_FAST_MS]);
  });

  it("pauses an account whose sign-in must be renewed, and still finishes the round", async () => {
    freshDb();
    const s = await sandboxSession();
    const events = await collect(
      makePollRounds({
        ...s.deps,
        authProviderFor: (accountId, generation) => ({
          generation,
          accessToken: () => Promise.reject(new AuthRequiredError("Not signed in.", accountId, generation)),
          refreshAfterUnauthorized: () => Promise.reject(new Error("not reached")),
        }),
      }).round(true),
    );
    expect(types(events)).toEqual(["poll-started", "poll-paused", "poll-finished"]);
    expect(events[1]?.broadcast).toEqual({
      type: "poll-paused",
      reason: "sign-in-required",
      accountId: s.account.id,
    });
  });

  it("tells the pages a failure in Mailroom's own kinds, and goes on", async () => {
    freshDb();
    const s = await sandboxSession();
    const events = await collect(
      makePollRounds({ ...s.deps, fetch: async () => json(403, { error_key: "forbidden" }) }).round(true),
    );
    expect(types(events)).toEqual(["poll-started", "poll-failed", "poll-finished"]);
    expect(events[1]?.broadcast).toMatchObject({
      type: "poll-failed",
      accountId: s.account.id,
      kind: "forbidden",
    });
  });
});
