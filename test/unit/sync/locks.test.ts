import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { freshDb, memoryLocks } from "./support/fakes";
import { campaignByKey, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

describe("Web Locks", () => {
  it("two syncs of one send list at once (two tabs, or a tab and the worker) page through it once", async () => {
    freshDb();
    const s = await sandboxSession();
    const locks = memoryLocks();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const deps = { ...s.deps, locks };

    await Promise.all([syncSends(dataset, { deps }), syncSends(dataset, { deps })]);

    const pages = s.requests.filter((u) => u.pathname.endsWith("/tracking/sends"));
    expect(pages).toHaveLength(5);
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
    expect(locks.granted.filter((name) => name === `mailroom-sync-${dataset}`)).toHaveLength(2);
    expect(locks.granted.filter((name) => name === "mailroom-pace-mailroom-sandbox-client")).toHaveLength(
      s.requests.length,
    );
  });
});
