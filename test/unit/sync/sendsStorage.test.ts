import { describe, expect, it } from "vitest";
import { isMailroomError } from "../../../src/core/errors";
import { db, sendsDatasetId } from "../../../src/db";
import type { SendChunk } from "../../../src/db/sendStore/chunk";
import { syncSends } from "../../../src/sync";
import { countAllSends } from "../../support/sends";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

describe("a full disk during a send sync", () => {
  it("fails with kind storage, rolls back the failed page and keeps the checkpoint; the next run completes", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const table = db().sendChunks;
    const realBulkPut = table.bulkPut.bind(table);
    let writes = 0;
    // The third page's write stores its chunk, then the browser refuses (its search text is
    // next): the transaction must take the chunk back and leave the checkpoint naming the third page.
    table.bulkPut = (async (rows: readonly SendChunk[]) => {
      writes += 1;
      const stored = await realBulkPut(rows);
      if (writes === 3) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return stored;
    }) as typeof table.bulkPut;

    const error = await syncSends(dataset, { deps: s.deps }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMailroomError(error) && error.kind).toBe("storage");
    expect(await countAllSends()).toBe(1_000);
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({
      status: "stopped",
      stopReason: "error",
      rows: 1_000,
      pages: 2,
      lastError: { kind: "storage" },
    });
    expect(state?.nextLink).toContain("next=");

    table.bulkPut = realBulkPut;
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
    expect((await db().syncState.get(dataset))?.status).toBe("complete");
  });

  it("a page's rows and its checkpoint land together: a checkpoint that fails takes the rows back", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const table = db().syncState;
    const realPut = table.put.bind(table);
    let checkpoints = 0;
    table.put = (async (state: Parameters<typeof realPut>[0]) => {
      if (state.status === "running" && state.pages > 0 && ++checkpoints === 2) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return realPut(state);
    }) as typeof table.put;

    const error = await syncSends(dataset, { deps: s.deps }).catch((e: unknown) => e);
    table.put = realPut;

    expect(isMailroomError(error) && error.kind).toBe("storage");
    expect(await countAllSends()).toBe(500);
    expect(await db().syncState.get(dataset)).toMatchObject({ pages: 1, rows: 500 });
  });
});
