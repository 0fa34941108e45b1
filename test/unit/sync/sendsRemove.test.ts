import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { removeSendList, syncSends } from "../../../src/sync";
import { ListRemovedError } from "../../../src/sync/listRemoval";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

describe("Remove from this device", () => {
  it("drops the list's sends and state; the account, its campaigns and the other lists stay", async () => {
    freshDb();
    const s = await sandboxSession();
    const spring = campaignByKey(s.sandbox, "spring");
    const removed = sendsDatasetId(s.account.id, "v3", spring.primaryActivityId);
    const kept = sendsDatasetId(s.account.id, "v3", spring.resendActivityId ?? "");
    const otherGeneration = sendsDatasetId(s.account.id, "v2", spring.v2Id);
    for (const dataset of [removed, kept, otherGeneration]) await syncSends(dataset, { deps: s.deps });
    await db().campaigns.put({
      accountId: s.account.id,
      generation: "v3",
      campaignId: spring.v3Id,
      name: spring.name,
      status: "Done",
      fetchedAt: 1,
      raw: {},
    });
    const keptKeys = await heldKeys(kept);
    const v2Keys = await heldKeys(otherGeneration);

    await removeSendList(removed);

    expect(await heldKeys(removed)).toEqual([]);
    expect(await db().syncState.get(removed)).toBeUndefined();
    expect(await heldKeys(kept)).toEqual(keptKeys);
    expect(keptKeys).toHaveLength(40);
    expect(await heldKeys(otherGeneration)).toEqual(v2Keys);
    expect(await db().syncState.get(kept)).toMatchObject({ status: "complete", rows: 40 });
    expect(await db().accounts.get(s.account.id)).toEqual(s.account);
    expect(await db().campaigns.count()).toBe(1);
  });

  it("a sync of the list running meanwhile stops at its next page and puts nothing back", async () => {
    freshDb();
    const s = await sandboxSession();
    const big = campaignByKey(s.sandbox, "big");
    const dataset = sendsDatasetId(s.account.id, "v3", big.primaryActivityId);
    const inner = s.deps.fetch as typeof fetch;
    let pages = 0;
    let removal: Promise<void> | undefined;
    // The user removes the list while the run fetches its second page (another tab's run, say).
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (new URL(new Request(input, init).url).pathname.endsWith("/tracking/sends") && ++pages === 2) {
        removal = removeSendList(dataset);
        await removal;
      }
      return inner(input, init);
    };

    await expect(syncSends(dataset, { deps: { ...s.deps, fetch } })).rejects.toBeInstanceOf(ListRemovedError);

    expect(removal).toBeDefined();
    expect(await heldKeys(dataset)).toEqual([]);
    expect(await db().syncState.get(dataset)).toBeUndefined();
    // It can be synced again from scratch.
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, big.primaryActivityId));
  });
});
