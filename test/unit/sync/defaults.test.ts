import { afterEach, describe, expect, it, vi } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV3Keys, heldKeys, sandboxSession } from "./support/sandbox";

afterEach(() => vi.unstubAllGlobals());

describe("the real dependencies", () => {
  it("by default use the global fetch and the auth module's stored tokens", async () => {
    freshDb();
    const s = await sandboxSession();
    const token = await s.deps.authProviderFor!(s.account.id, "v3").accessToken();
    await db().tokens.put({
      accountId: s.account.id,
      generation: "v3",
      accessToken: token,
      expiresAt: s.clock.now() + 86_400_000,
      updatedAt: s.clock.now(),
    });
    vi.stubGlobal("fetch", s.deps.fetch);
    const tiny = campaignByKey(s.sandbox, "tiny");
    const dataset = sendsDatasetId(s.account.id, "v3", tiny.primaryActivityId);

    // Only the clock is injected (so no real sleeping); fetch and auth are the defaults.
    await syncSends(dataset, { deps: { clock: s.clock } });

    expect(await heldKeys(dataset)).toEqual(expectedV3Keys(s.sandbox, tiny.primaryActivityId));
    expect(s.requests.length).toBe(2);
  });
});
