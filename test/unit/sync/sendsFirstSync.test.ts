import { describe, expect, it } from "vitest";
import { allSendsOf, db, sendPagesOf, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

async function allMatching(dataset: string, contains: string) {
  const found = [];
  for await (const page of sendPagesOf(dataset, { order: "asc", contains })) found.push(...page);
  return found;
}

describe("a first sync of a send list", () => {
  it("holds exactly the sandbox's v3 sends: same count, same keys, one request per 500 rows plus send_history", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);

    await syncSends(dataset, { deps: s.deps });

    const expected = expectedV3Keys(s.sandbox, big.primaryActivityId);
    expect(expected).toHaveLength(2_345);
    expect(await heldKeys(dataset)).toEqual(expected);
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({
      status: "complete",
      expectedRows: 2_345,
      rows: 2_345,
      pages: 5,
      stopReason: "done",
    });
    expect(state?.nextLink).toBeUndefined();
    expect(s.requests.filter((u) => u.pathname.startsWith("/v3/"))).toHaveLength(Math.ceil(2_345 / 500) + 1);
  });

  it("holds exactly the sandbox's v2 sends, with api_key on every request", async () => {
    freshDb();
    const s = await sandboxSession();
    const tenk = campaignByKey(s.sandbox, "tenk");
    const dataset = sendsDatasetId(s.account.id, "v2", tenk.v2Id);

    await syncSends(dataset, { deps: s.deps });

    expect(await heldKeys(dataset)).toEqual(expectedV2Keys(s.sandbox, tenk.v2Id));
    const requests = s.requests.filter((u) => u.pathname.startsWith("/v2/"));
    // The tracking summary (the count to check against), then 20 pages of 500.
    expect(requests.map((u) => u.pathname.split("/").at(-1))).toEqual([
      "summary",
      ...Array(20).fill("sends"),
    ]);
    expect(requests.every((u) => u.searchParams.get("api_key") === "mailroom-sandbox-v2-key")).toBe(true);
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
  });

  it("stores UTC instants with milliseconds, and every send is found by a part of its email", async () => {
    freshDb();
    const s = await sandboxSession();
    const spring = campaignByKey(s.sandbox, "spring");
    const dataset = sendsDatasetId(s.account.id, "v3", spring.primaryActivityId);
    await syncSends(dataset, { deps: s.deps });
    const rows = await allSendsOf(dataset);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const sample = rows[Math.floor(rows.length / 2)]!;
    const middle = sample.email.slice(2, -2).toUpperCase();
    const found = await allMatching(dataset, middle);
    expect(found.map((row) => row.contactId)).toContain(sample.contactId);
    expect(found.every((row) => row.email.toLowerCase().includes(middle.toLowerCase()))).toBe(true);
  });

  it("an activity never sent ends complete with no rows", async () => {
    freshDb();
    const s = await sandboxSession();
    const resume = campaignByKey(s.sandbox, "resume");
    const dataset = sendsDatasetId(s.account.id, "v3", resume.resendActivityId ?? "");
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual([]);
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
  });
});
