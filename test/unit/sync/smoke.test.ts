import { describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import { sendsDatasetId } from "../../../src/db/datasets";
import { syncSends } from "../../../src/sync";
import { freshDb, json, makeAccount, recordingFetch, testDeps } from "./support/fakes";

describe("smoke", () => {
  it("syncs two v3 pages", async () => {
    freshDb();
    await db().accounts.put(makeAccount());
    const { fetch, requests } = recordingFetch((url) => {
      if (url.pathname.endsWith("/send_history")) return json(200, [{ count: 3 }]);
      const row = (i: number) => ({
        contact_id: `c${i}`,
        email_address: `A${i}@x.test`,
        created_time: `2026-11-0${i}T10:00:00Z`,
      });
      if (url.searchParams.get("next") === "2")
        return json(200, { tracking_activities: [row(1)], _links: {} });
      return json(200, {
        tracking_activities: [row(3), row(2)],
        _links: { next: { href: "/v3/reports/email_reports/ca1/tracking/sends?next=2" } },
      });
    });
    const dataset = sendsDatasetId("acc-1", "v3", "ca1");
    await syncSends(dataset, { deps: testDeps(fetch) });
    expect(await db().sends.count()).toBe(3);
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
    expect(requests.map((r) => r.url.pathname + r.url.search)).toMatchInlineSnapshot(`
      [
        "/v3/emails/activities/ca1/send_history",
        "/v3/reports/email_reports/ca1/tracking/sends?limit=500",
        "/v3/reports/email_reports/ca1/tracking/sends?next=2",
      ]
    `);
  });
});
