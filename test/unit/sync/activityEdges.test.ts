import { describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import type { BulkActivity } from "../../../src/db/types";
import { pollUnfinishedActivities, refreshActivities } from "../../../src/sync";
import { freshDb, json, makeAccount, recordingFetch, testDeps } from "./support/fakes";

const DAY = 86_400_000;

function held(
  id: string,
  ageDays: number,
  now: number,
  status: BulkActivity["status"] = "running",
): BulkActivity {
  return {
    accountId: "acc-1",
    generation: "v3",
    activityId: id,
    type: "unknown",
    status,
    rawStatus: status === "running" ? "processing" : status,
    createdAt: new Date(now - ageDays * DAY).toISOString(),
    firstSeenAt: now - ageDays * DAY,
    lastSeenAt: now - ageDays * DAY,
    detailFetchedAt: now - ageDays * DAY,
    goneFromServer: false,
    raw: {},
  };
}

describe("activity edge cases", () => {
  it("a 404 on the detail of an activity past retention marks it gone; the round goes on", async () => {
    freshDb();
    const deps = testDeps(undefined);
    const now = deps.clock.now();
    await db().accounts.put(makeAccount({ generations: ["v3"] }));
    await db().activities.bulkPut([held("old", 12, now), held("young", 1, now)]);
    const { fetch, requests } = recordingFetch((url) =>
      url.pathname.endsWith("/old")
        ? json(404, [{ error_key: "not.found" }])
        : json(200, {
            activity_id: "young",
            state: "completed",
            created_at: new Date(now - DAY).toISOString(),
          }),
    );

    const round = await pollUnfinishedActivities("acc-1", { deps: { ...deps, fetch } });

    expect(requests.map((r) => r.url.pathname).sort()).toEqual([
      "/v3/activities/old",
      "/v3/activities/young",
    ]);
    expect(round.unfinished).toBe(0);
    expect(round.finished.map((a) => a.activityId)).toEqual(["young"]);
    expect(await db().activities.get(["acc-1", "v3", "old"])).toMatchObject({
      goneFromServer: true,
      status: "running",
    });
  });

  it("a filtered list marks nothing gone (absence from a filtered list proves nothing)", async () => {
    freshDb();
    const deps = testDeps(undefined);
    const now = deps.clock.now();
    await db().accounts.put(makeAccount({ generations: ["v3"] }));
    await db().activities.put(held("old-done", 12, now, "completed"));
    const { fetch, requests } = recordingFetch(() => json(200, { activities: [], _links: {} }));

    await refreshActivities("acc-1", { deps: { ...deps, fetch }, v3State: "processing" });

    expect(requests[0]?.url.searchParams.get("state")).toBe("processing");
    expect(await db().activities.get(["acc-1", "v3", "old-done"])).toMatchObject({ goneFromServer: false });

    await refreshActivities("acc-1", { deps: { ...deps, fetch } });
    expect(await db().activities.get(["acc-1", "v3", "old-done"])).toMatchObject({ goneFromServer: true });
    expect(await db().activities.count()).toBe(1);
  });

  it("v2 list filters are passed as given", async () => {
    freshDb();
    const deps = testDeps(undefined);
    await db().accounts.put(makeAccount({ generations: ["v2"] }));
    const { fetch, requests } = recordingFetch(() => json(200, []));
    await refreshActivities("acc-1", {
      deps: { ...deps, fetch },
      v2Filters: { status: "RUNNING", type: "ADD_CONTACTS" },
    });
    expect(requests[0]?.url.search).toBe("?status=RUNNING&type=ADD_CONTACTS&api_key=key-1");
  });
});
