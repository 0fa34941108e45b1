import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../src/db";
import { isTerminalStatus, unfinishedActivitiesOf } from "../../../src/db/activities";
import { pollUnfinishedActivities, refreshActivities } from "../../../src/sync";
import { JobBackoff } from "../../../src/sync/jobBackoff";
import { POLL_FAST_MS, POLL_SLOWEST_WHILE_RUNNING_MS } from "../../../src/sync/pollSchedule";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

afterEach(() => vi.restoreAllMocks());

describe("polling an activity in a state no client knows", () => {
  it("backs it off as a job that does not move, even while other jobs finish", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    freshDb();
    const s = await sandboxSession({}, { generations: ["v3"] });
    // The import running at the start (it would finish in ~25 minutes) reports a state word
    // Mailroom does not know, in the list and in its detail.
    const stuck = s.sandbox.world.v3Activities.find((a) => a.sourceFileName === "spring-import.csv");
    if (!stuck) throw new Error("the sandbox has no running import");
    const polledAt: number[] = [];
    const inner = s.deps.fetch as typeof fetch;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (url.pathname === `/v3/activities/${stuck.id}`) polledAt.push(s.clock.now());
      const response = await inner(input, init);
      if (!url.pathname.startsWith("/v3/activities")) return response;
      const text = (await response.text()).replaceAll(
        new RegExp(`("activity_id":"${stuck.id}","state":)"[a-z_]+"`, "g"),
        '$1"paused_for_review"',
      );
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const deps = { ...s.deps, fetch };
    await refreshActivities(s.account.id, { deps });
    expect(await db().activities.get([s.account.id, "v3", stuck.id])).toMatchObject({
      rawStatus: "paused_for_review",
      status: "pending",
    });

    // Twenty minutes of scheduled rounds, each run when the back-off says.
    const backoff = new JobBackoff();
    let othersFinished = 0;
    while (s.clock.now() - polledAt[0]! < 20 * 60_000 || polledAt.length === 0) {
      const round = await pollUnfinishedActivities(s.account.id, { deps, backoff });
      othersFinished += round.finished.length;
      const wait = backoff.nextRoundIn(await unfinishedActivitiesOf(s.account.id), s.clock.now());
      s.clock.set(s.clock.now() + wait);
      s.sandbox.advance(wait);
    }

    expect(othersFinished).toBeGreaterThan(0); // jobs ended meanwhile: they did not reset its pace
    const gaps = polledAt.slice(1).map((at, i) => at - (polledAt[i] ?? 0));
    expect(gaps.slice(0, 3)).toEqual([POLL_FAST_MS, POLL_FAST_MS, POLL_FAST_MS]);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b)); // never faster again
    expect(gaps.slice(-5)).toEqual(Array(5).fill(POLL_SLOWEST_WHILE_RUNNING_MS));
    // About one check a minute, not one every five seconds (240 in twenty minutes).
    expect(polledAt.length).toBeLessThan(30);
    const held = await db().activities.get([s.account.id, "v3", stuck.id]);
    expect(held && isTerminalStatus(held.status)).toBe(false);
  });

  it("a job whose state word changes to a known one is followed quickly again", () => {
    const backoff = new JobBackoff();
    const job = {
      accountId: "a",
      generation: "v3" as const,
      activityId: "j",
      rawStatus: "initialized",
    } as Parameters<JobBackoff["observe"]>[0];
    let now = 0;
    for (let i = 0; i < 10; i++) {
      backoff.observe(job, now);
      now += 60_000;
    }
    expect(backoff.nextRoundIn([job], now - 60_000)).toBe(POLL_SLOWEST_WHILE_RUNNING_MS);
    backoff.observe({ ...job, rawStatus: "processing" }, now);
    expect(backoff.nextRoundIn([job], now)).toBe(POLL_FAST_MS);
    backoff.observe({ ...job, rawStatus: "paused_for_review" }, now + 5_000);
    expect(backoff.nextRoundIn([job], now + 5_000)).toBe(POLL_FAST_MS); // unknown: not a move, still counting
  });

  it("a round that fails for the account backs its jobs off too, instead of retrying every 5 s", () => {
    const backoff = new JobBackoff();
    const job = {
      accountId: "a",
      generation: "v2" as const,
      activityId: "k",
      rawStatus: "RUNNING",
    } as Parameters<JobBackoff["observe"]>[0];
    let now = 0;
    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      backoff.noteFailedRound([job], now);
      const wait = backoff.nextRoundIn([job], now);
      waits.push(wait);
      now += wait;
    }
    expect(waits).toEqual([5_000, 5_000, 5_000, 5_000, 10_000, 20_000, 40_000, 60_000]);
  });
});
