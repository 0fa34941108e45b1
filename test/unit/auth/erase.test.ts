// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eraseAccount, signOut } from "../../../src/auth/signOut";
import { saveToken } from "../../../src/auth/tokens";
import { db, sendsDatasetId } from "../../../src/db";
import { putSends } from "../../support/sends";
import { formOf, freshDb, jsonResponse, makeAccount, makeToken, stubFetch } from "./support";

const erased = makeAccount({ label: "Erased" });
const kept = makeAccount({ label: "Kept" });

/** One row of every kind for an account, so erasing can be checked table by table. */
async function seed(accountId: string) {
  const dataset = sendsDatasetId(accountId, "v3", "ca-1");
  await saveToken(makeToken(accountId));
  await saveToken(makeToken(accountId, { generation: "v2", refreshToken: undefined }));
  await db().authAttempts.put({
    state: `s-${accountId}`,
    accountId,
    generation: "v3",
    redirectUri: "x",
    createdAt: Date.now(),
  });
  await db().activities.put({
    accountId,
    generation: "v3",
    activityId: "a1",
    type: "unknown",
    status: "completed",
    rawStatus: "completed",
    firstSeenAt: 1,
    lastSeenAt: 1,
    goneFromServer: false,
    raw: {},
  });
  await db().activityErrors.put({ accountId, activityId: "a1", index: 0, kind: "error", message: "bad" });
  await db().campaigns.put({
    accountId,
    generation: "v3",
    campaignId: "c1",
    name: "N",
    status: "Done",
    fetchedAt: 1,
    raw: {},
  });
  await db().campaignActivities.put({
    accountId,
    campaignId: "c1",
    campaignActivityId: "ca-1",
    role: "primary_email",
    fetchedAt: 1,
  });
  await putSends([{ dataset, contactId: "p1", email: "a@x", sentAt: "2026-01-01T00:00:00.000Z" }]);
  const lists = await db().sendLists.where("accountId").equals(accountId).toArray();
  listNumbers.set(accountId, new Set(lists.map((list) => list.id)));
  await db().syncState.put({ dataset, accountId, kind: "sends", status: "complete", pages: 1, rows: 1 });
}

/** The numbers of each account's send lists, as seeded. */
const listNumbers = new Map<string, Set<number | undefined>>();

async function rowsOf(accountId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // Send chunks carry their list's number, noted when seeded (erase drops the list rows too).
  const lists = listNumbers.get(accountId) ?? new Set();
  for (const table of db().tables) {
    const rows: Record<string, unknown>[] = await table.toArray();
    counts[table.name] = rows.filter(
      (row) =>
        row.accountId === accountId ||
        row.id === accountId ||
        String(row.dataset).startsWith(`${accountId}|`) ||
        (typeof row.list === "number" && lists.has(row.list)),
    ).length;
  }
  return counts;
}

beforeEach(async () => {
  freshDb();
  await db().accounts.bulkAdd([erased, kept]);
  await seed(erased.id);
  await seed(kept.id);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sign out and erase", () => {
  it("sign out revokes the refresh and access tokens, drops the tokens and keeps the data", async () => {
    const { requests } = stubFetch(() => new Response(null, { status: 200 }));
    const result = await signOut(erased.id);
    expect(result.revokeFailures).toEqual([]);
    expect(await Promise.all(requests.map(async (r) => (await formOf(r)).get("token")))).toEqual([
      "refresh-1",
      "access-1",
    ]);
    const left = await rowsOf(erased.id);
    expect(left.tokens).toBe(0);
    expect(left.sendChunks).toBe(1);
    expect(left.sendText).toBe(1);
    expect(left.sendGrams).toBe(1);
    expect(left.accounts).toBe(1);
  });

  it("a failed revocation is reported but the tokens are dropped anyway", async () => {
    stubFetch(() => jsonResponse({ error: "unsupported_token_type" }, 400));
    const result = await signOut(erased.id);
    expect(result.revokeFailures).toHaveLength(2);
    expect(result.revokeFailures[0]).toMatch(/Revoking a token at .*revoke failed/);
    expect((await rowsOf(erased.id)).tokens).toBe(0);
  });

  it("erase removes every row of that account from every table, and nothing of the other", async () => {
    stubFetch(() => new Response(null, { status: 200 }));
    const before = await rowsOf(kept.id);
    await eraseAccount(erased.id);
    const left = await rowsOf(erased.id);
    expect(
      Object.values(left).every((count) => count === 0),
      JSON.stringify(left),
    ).toBe(true);
    expect(await rowsOf(kept.id)).toEqual(before);
    expect(before.sendChunks).toBe(1);
    expect(before.activities).toBe(1);
  });
});
