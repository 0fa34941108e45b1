import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { countAllSends } from "../../support/sends";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

const apiRequests = (urls: URL[]) =>
  urls.filter((u) => u.pathname.startsWith("/v2/") || u.pathname.startsWith("/v3/"));

describe("a later sync of a send list", () => {
  it("v3: fetches send_history and only the newest page when new sends arrived", async () => {
    freshDb();
    const s = await sandboxSession();
    const live = campaignByKey(s.sandbox, "live");
    const dataset = sendsDatasetId(s.account.id, "v3", live.primaryActivityId);
    s.sandbox.advance(400 * 60_000); // > 500 sends, so the list has two pages
    await syncSends(dataset, { deps: s.deps });
    const firstRun = apiRequests(s.requests).length;
    expect(firstRun).toBe(1 + 2);

    s.sandbox.advance(15 * 60_000); // 30 new sends, all on the first page
    await syncSends(dataset, { deps: s.deps });

    const second = apiRequests(s.requests).slice(firstRun);
    expect(second.map((u) => u.pathname.split("/").at(-1))).toEqual(["send_history", "sends"]);
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, live.primaryActivityId));
    expect(await db().syncState.get(dataset)).toMatchObject({
      mode: "incremental",
      status: "complete",
      runRows: 500,
      rows: expectedV3Keys(s.sandbox, live.primaryActivityId).length,
    });
  });

  it("v3: an unchanged list costs one request (send_history) and no page", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    const before = apiRequests(s.requests).length;
    await syncSends(dataset, { deps: s.deps });
    expect(apiRequests(s.requests).length - before).toBe(1);
    expect(await db().syncState.get(dataset)).toMatchObject({ status: "complete", expectedRows: 2_345 });
  });

  it("v2: asks with created_since (newest held minus the overlap) and dedupes the overlap", async () => {
    freshDb();
    const s = await sandboxSession();
    const live = campaignByKey(s.sandbox, "live");
    const dataset = sendsDatasetId(s.account.id, "v2", live.v2Id);
    await syncSends(dataset, { deps: s.deps });
    const newest = (await db().syncState.get(dataset))?.newestStored ?? "";
    const firstRun = apiRequests(s.requests).length;

    s.sandbox.advance(10 * 60_000);
    await syncSends(dataset, { deps: s.deps });

    const second = apiRequests(s.requests).slice(firstRun);
    expect(second.map((u) => u.pathname.split("/").at(-1))).toEqual(["summary", "sends"]);
    const since = second[1]?.searchParams.get("created_since") ?? "";
    expect(Date.parse(newest) - Date.parse(since)).toBe(5 * 60_000);
    const expected = expectedV2Keys(s.sandbox, live.v2Id);
    expect(await heldKeys(dataset)).toEqual(expected);
    expect(await countAllSends()).toBe(expected.length);
  });

  it("v2: an unchanged list costs one request (the tracking summary) and no page", async () => {
    freshDb();
    const s = await sandboxSession();
    const tiny = campaignByKey(s.sandbox, "tiny");
    const dataset = sendsDatasetId(s.account.id, "v2", tiny.v2Id);
    await syncSends(dataset, { deps: s.deps });
    const before = apiRequests(s.requests).length;
    await syncSends(dataset, { deps: s.deps });
    const second = apiRequests(s.requests).slice(before);
    expect(second.map((u) => u.pathname.split("/").at(-1))).toEqual(["summary"]);
    expect(await heldKeys(dataset)).toEqual(expectedV2Keys(s.sandbox, tiny.v2Id));
    expect(await db().syncState.get(dataset)).toMatchObject({ status: "complete", expectedRows: 3 });
  });

  it("full: pages through everything again and still holds each send once", async () => {
    freshDb();
    const s = await sandboxSession();
    const spring = campaignByKey(s.sandbox, "spring");
    const dataset = sendsDatasetId(s.account.id, "v3", spring.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    await syncSends(dataset, { deps: s.deps, full: true });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, spring.primaryActivityId));
    expect(await db().syncState.get(dataset)).toMatchObject({ mode: "first", status: "complete" });
  });
});
