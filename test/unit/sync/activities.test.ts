import { afterEach, describe, expect, it, vi } from "vitest";
import { authProviderFor } from "../../../src/auth/provider";
import { db } from "../../../src/db";
import { isTerminalStatus } from "../../../src/db/activities";
import type { Generation } from "../../../src/db/types";
import { pollUnfinishedActivities, refreshActivities } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

const DAY = 86_400_000;

/** What the sandbox lists right now, asked directly (not through Mailroom's client). */
async function listedIds(
  s: Awaited<ReturnType<typeof sandboxSession>>,
  generation: Generation,
): Promise<string[]> {
  const token = await s.deps.authProviderFor!(s.account.id, generation).accessToken();
  const url =
    generation === "v2"
      ? "http://127.0.0.1:4174/v2/activities?api_key=mailroom-sandbox-v2-key"
      : "http://127.0.0.1:4174/v3/activities?limit=500";
  const response = await s.sandbox.handle(
    new Request(url, { headers: { Authorization: `Bearer ${token}` } }),
  );
  const body = (await response.json()) as unknown;
  if (generation === "v2") return (body as { id: string }[]).map((a) => a.id).sort();
  return (body as { activities: { activity_id: string }[] }).activities.map((a) => a.activity_id).sort();
}

async function heldIds(generation: Generation, onServer = true): Promise<string[]> {
  const rows = await db()
    .activities.filter((a) => a.generation === generation && a.goneFromServer !== onServer)
    .toArray();
  return rows.map((a) => a.activityId).sort();
}

afterEach(() => vi.restoreAllMocks());

describe("refreshing activities", () => {
  it("holds what each generation lists, with details and error lines of both shapes", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });

    expect(await heldIds("v2")).toEqual(await listedIds(s, "v2"));
    expect(await heldIds("v3")).toEqual(await listedIds(s, "v3"));
    const all = await db().activities.toArray();
    expect(all.every((a) => a.detailFetchedAt !== undefined)).toBe(true);
    const lines = await db().activityErrors.toArray();
    expect(lines.some((l) => l.email !== undefined && l.lineNumber !== undefined)).toBe(true);
    expect(lines.every((l) => l.message !== "" && !/^line \d/i.test(l.message))).toBe(true);
    expect(await db().syncState.get(`${s.account.id}|activities`)).toMatchObject({ status: "complete" });
  });

  it("takes a v3 list row as the whole activity: no v3 detail call, its error lines stored from the list", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const v3Details = s.requests.filter((url) => /^\/v3\/activities\/./.test(url.pathname));
    expect(v3Details).toEqual([]);
    const withErrors = (await db().activities.toArray()).filter(
      (a) => a.generation === "v3" && (a.errorCount ?? 0) > 0,
    );
    expect(withErrors.length).toBeGreaterThan(0);
    for (const activity of withErrors) {
      const lines = await db()
        .activityErrors.where("[accountId+activityId+index]")
        .between(
          [s.account.id, activity.activityId, -Infinity],
          [s.account.id, activity.activityId, Infinity],
        )
        .count();
      expect(lines).toBe(activity.errorCount);
    }
  });

  it("asks for the detail of a v3 list row that comes without its error list", async () => {
    freshDb();
    const s = await sandboxSession();
    const summariesOnly = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await s.deps.fetch!(input, init);
      if (new URL(new Request(input, init).url).pathname !== "/v3/activities") return response;
      const body = (await response.json()) as { activities: Record<string, unknown>[] };
      for (const row of body.activities) delete row.activity_errors;
      return Response.json(body, { status: response.status });
    };
    await refreshActivities(s.account.id, { deps: { ...s.deps, fetch: summariesOnly } });
    const v3 = (await db().activities.toArray()).filter((a) => a.generation === "v3");
    const detailed = new Set(
      s.requests.filter((url) => /^\/v3\/activities\/./.test(url.pathname)).map((url) => url.pathname),
    );
    expect(detailed.size).toBe(v3.length);
    expect(v3.every((a) => a.detailFetchedAt !== undefined)).toBe(true);
    expect(await db().activityErrors.count()).toBeGreaterThan(0);
  });

  it("skips a refresh fetched within the given time, but not one a closed tab left 'running'", async () => {
    freshDb();
    const s = await sandboxSession();
    const dataset = `${s.account.id}|activities`;
    await refreshActivities(s.account.id, { deps: s.deps });
    const asked = s.requests.length;
    s.clock.set(s.clock.now() + 60_000);
    await refreshActivities(s.account.id, { deps: s.deps, unlessFetchedWithinMs: 5 * 60_000 });
    expect(s.requests.length).toBe(asked);

    // A tab closed mid-refresh leaves "running" behind, and an old fetchedAt: the refresh runs.
    await db().syncState.update(dataset, { status: "running", fetchedAt: s.clock.now() - 10 * 60_000 });
    await refreshActivities(s.account.id, { deps: s.deps, unlessFetchedWithinMs: 5 * 60_000 });
    expect(s.requests.length).toBeGreaterThan(asked);
    expect(await db().syncState.get(dataset)).toMatchObject({ status: "complete", fetchedAt: s.clock.now() });
  });

  it("a generation that fails does not keep the other from refreshing; the failure is recorded and thrown", async () => {
    freshDb();
    const s = await sandboxSession();
    const realAuth = s.deps.authProviderFor!;
    const deps = {
      ...s.deps,
      authProviderFor: (id: string, generation: Generation) =>
        generation === "v2"
          ? {
              generation,
              accessToken: async () => "revoked",
              refreshAfterUnauthorized: async () => "revoked",
            }
          : realAuth(id, generation),
    };
    const error = await refreshActivities(s.account.id, { deps }).catch((e: unknown) => e);
    expect((error as { kind?: string }).kind).toBe("unauthorized");
    expect(await heldIds("v3")).toEqual(await listedIds(s, "v3"));
    expect(await heldIds("v2")).toEqual([]);
    expect(await db().syncState.get(`${s.account.id}|activities`)).toMatchObject({
      status: "stopped",
      lastError: { kind: "unauthorized" },
    });
  });

  it("a generation never signed in is skipped, not a failure: the run completes and says so per generation", async () => {
    freshDb();
    const s = await sandboxSession();
    const realAuth = s.deps.authProviderFor!;
    const deps = {
      ...s.deps,
      // v2 has no token row on this device: what the real provider raises then.
      authProviderFor: (id: string, generation: Generation) =>
        generation === "v2" ? authProviderFor(id, "v2") : realAuth(id, generation),
    };
    await refreshActivities(s.account.id, { deps });
    expect(await heldIds("v3")).toEqual(await listedIds(s, "v3"));
    const state = await db().syncState.get(`${s.account.id}|activities`);
    expect(state).toMatchObject({ status: "complete", fetchedAt: s.clock.now() });
    expect(state?.lastError).toBeUndefined();
    expect(state?.generations).toEqual({
      v3: {
        outcome: "fetched",
        fetchedAt: s.clock.now(),
        rows: (await heldIds("v3")).length,
        at: s.clock.now(),
      },
      v2: { outcome: "not_signed_in", at: s.clock.now() },
    });
  });

  it("a failed generation keeps when it was last fetched, next to the other's fresh time", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const firstFetch = s.clock.now();
    s.clock.set(firstFetch + 60_000);
    const realAuth = s.deps.authProviderFor!;
    const deps = {
      ...s.deps,
      authProviderFor: (id: string, generation: Generation) =>
        generation === "v2"
          ? {
              generation,
              accessToken: async () => "revoked",
              refreshAfterUnauthorized: async () => "revoked",
            }
          : realAuth(id, generation),
    };
    await refreshActivities(s.account.id, { deps }).catch(() => undefined);
    const state = await db().syncState.get(`${s.account.id}|activities`);
    expect(state?.generations?.v3).toMatchObject({ outcome: "fetched", fetchedAt: s.clock.now() });
    expect(state?.generations?.v2).toMatchObject({
      outcome: "failed",
      fetchedAt: firstFetch,
      error: { kind: "unauthorized" },
    });
  });

  it("normalises statuses and keeps the server's own word", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const all = await db().activities.toArray();
    const v2Words: Record<string, string> = {
      COMPLETE: "completed",
      ERROR: "failed",
      RUNNING: "running",
      PENDING: "pending",
    };
    for (const a of all.filter((x) => x.generation === "v2" && v2Words[x.rawStatus])) {
      expect(a.status).toBe(v2Words[a.rawStatus]);
    }
    expect(
      all
        .filter((x) => x.generation === "v3" && x.rawStatus === "processing")
        .every((x) => x.status === "running"),
    ).toBe(true);
  });

  it("keeps unknown status words raw, reads them as pending and warns instead of failing", async () => {
    freshDb();
    const s = await sandboxSession();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    s.sandbox.setFaults({ unknownEnums: true });
    await refreshActivities(s.account.id, { deps: s.deps });
    const v3 = await db()
      .activities.filter((a) => a.generation === "v3")
      .toArray();
    expect(v3.length).toBeGreaterThan(0);
    expect(v3.every((a) => a.rawStatus === "paused_for_review" && a.status === "pending")).toBe(true);
    expect(warn).toHaveBeenCalled();
  });

  it("a poll round follows unfinished activities until they reach a terminal state", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const unfinishedBefore = (await db().activities.toArray()).filter((a) => !isTerminalStatus(a.status));
    expect(unfinishedBefore.length).toBeGreaterThan(0);

    s.sandbox.advance(2 * 60 * 60_000);
    s.clock.set(s.clock.now() + 2 * 60 * 60_000);
    const round = await pollUnfinishedActivities(s.account.id, { deps: s.deps });

    expect(round.finished.length).toBeGreaterThan(0);
    expect(round.finished.every((a) => isTerminalStatus(a.status))).toBe(true);
    const stillUnfinished = (await db().activities.toArray()).filter(
      (a) => !isTerminalStatus(a.status) && !a.goneFromServer,
    );
    expect(round.unfinished).toBe(stillUnfinished.length);
    expect(round.unfinished + round.finished.length).toBeLessThanOrEqual(unfinishedBefore.length);
  });

  it("keeps history after retention: no longer listed and older than the window → goneFromServer, never deleted", async () => {
    freshDb();
    const s = await sandboxSession({ accessTokenLifetimeS: 60 * 86_400 });
    await refreshActivities(s.account.id, { deps: s.deps });
    const heldBefore = await db().activities.count();

    s.sandbox.advance(15 * DAY);
    s.clock.set(s.clock.now() + 15 * DAY);
    await refreshActivities(s.account.id, { deps: s.deps });

    const all = await db().activities.toArray();
    expect(all.length).toBeGreaterThanOrEqual(heldBefore);
    const gone = all.filter((a) => a.goneFromServer);
    expect(gone.length).toBeGreaterThan(0);
    for (const generation of ["v2", "v3"] as const) {
      const listed = new Set(await listedIds(s, generation));
      const window = generation === "v2" ? 14 * DAY : 10 * DAY;
      for (const a of gone.filter((x) => x.generation === generation)) {
        expect(listed.has(a.activityId)).toBe(false);
        expect(s.clock.now() - Date.parse(a.createdAt ?? "")).toBeGreaterThan(window);
      }
      expect(await heldIds(generation)).toEqual(expect.arrayContaining([...listed].sort()));
    }
  });
});
