import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { syncSends } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { campaignByKey, expectedV2Keys, heldKeys, sandboxSession } from "./support/sandbox";

/** The sandbox's answers, with `change` applied to the JSON of those whose path ends with `tail`. */
function rewriting(
  fetch: typeof globalThis.fetch,
  tail: string,
  change: (body: Record<string, unknown>) => Record<string, unknown>,
): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!new URL(new Request(input, init).url).pathname.endsWith(tail)) return response;
    const body = change((await response.json()) as Record<string, unknown>);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

describe("a finished v2 send list is checked against the campaign's tracking summary", () => {
  it("is complete when it holds the summary's `sends`", async () => {
    freshDb();
    const s = await sandboxSession();
    const spring = campaignByKey(s.sandbox, "spring");
    const dataset = sendsDatasetId(s.account.id, "v2", spring.v2Id);
    await syncSends(dataset, { deps: s.deps });
    expect(await heldKeys(dataset)).toEqual(expectedV2Keys(s.sandbox, spring.v2Id));
    expect(await db().syncState.get(dataset)).toMatchObject({
      status: "complete",
      rows: 250,
      expectedRows: 250,
    });
  });

  it("is partial when the sends report ends short of the summary's count", async () => {
    freshDb();
    const s = await sandboxSession();
    const tenk = campaignByKey(s.sandbox, "tenk");
    const dataset = sendsDatasetId(s.account.id, "v2", tenk.v2Id);
    // The server's sends report stops after its first page (no next_link): 500 of 10,000.
    const cutShort = rewriting(s.deps.fetch as typeof fetch, "/tracking/sends", (body) => ({
      ...body,
      meta: {},
    }));
    await syncSends(dataset, { deps: { ...s.deps, fetch: cutShort } });
    expect(await db().syncState.get(dataset)).toMatchObject({
      status: "partial",
      rows: 500,
      expectedRows: 10_000,
    });
  });

  it("a summary without `sends` (unconfirmed on the real service) leaves nothing to check: complete", async () => {
    freshDb();
    const s = await sandboxSession();
    const tiny = campaignByKey(s.sandbox, "tiny");
    const dataset = sendsDatasetId(s.account.id, "v2", tiny.v2Id);
    const noSends = rewriting(s.deps.fetch as typeof fetch, "/summary", ({ sends: _, ...rest }) => rest);
    await syncSends(dataset, { deps: { ...s.deps, fetch: noSends } });
    const state = await db().syncState.get(dataset);
    expect(state).toMatchObject({ status: "complete", rows: 3 });
    expect(state?.expectedRows).toBeUndefined();
  });
});
