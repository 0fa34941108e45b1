import { describe, expect, it } from "vitest";
import { MailroomDb, sendsDatasetId, useDb } from "../../../src/db";
import { AccountErasedError } from "../../../src/db/accounts";
import { activityErrorLinesOf, replaceActivityErrorLines } from "../../../src/db/activityErrors";
import { allSendsOf, countSends, newestSentAt } from "../../../src/db/sends";
import { getSyncState, updateSyncState } from "../../../src/db/syncState";
import type { Send } from "../../../src/db/types";
import { putSends } from "../../support/sends";
import { makeAccount } from "../sync/support/fakes";

function fresh() {
  return useDb(new MailroomDb(`test-${crypto.randomUUID()}`));
}

function send(dataset: string, sentAt: string, contactId: string): Send {
  return {
    dataset,
    contactId,
    email: `${contactId}@x.test`,
    sentAt,
  };
}

describe("the data access helpers", () => {
  it("keep send lists apart, even when one id is a prefix of another, and find the newest send", async () => {
    fresh();
    const a = sendsDatasetId("acc", "v3", "ca1");
    const b = sendsDatasetId("acc", "v3", "ca10");
    await putSends([
      send(a, "2026-01-02T00:00:00.000Z", "1"),
      send(a, "2026-01-03T00:00:00.000Z", "2"),
      send(b, "2026-02-01T00:00:00.000Z", "3"),
    ]);
    expect(await countSends(a)).toBe(2);
    expect(await newestSentAt(a)).toBe("2026-01-03T00:00:00.000Z");
    expect((await allSendsOf(b)).map((r) => r.contactId)).toEqual(["3"]);
    expect(await newestSentAt(sendsDatasetId("acc", "v3", "none"))).toBeUndefined();
  });

  it("a send seen twice lands on the same key (the incremental overlap makes no duplicate)", async () => {
    fresh();
    const a = sendsDatasetId("acc", "v2", "9");
    await putSends([send(a, "2026-01-02T00:00:00.000Z", "1")]);
    await putSends([send(a, "2026-01-02T00:00:00.000Z", "1"), send(a, "2026-01-02T00:00:01.000Z", "1")]);
    expect(await countSends(a)).toBe(2);
  });

  it("replace an activity's error lines as a whole, leaving other activities' lines alone", async () => {
    fresh();
    const line = (activityId: string, index: number) => ({
      accountId: "acc",
      activityId,
      index,
      kind: "error" as const,
      message: `m${index}`,
    });
    await replaceActivityErrorLines("acc", "x", [line("x", 0), line("x", 1), line("x", 2)]);
    await replaceActivityErrorLines("acc", "y", [line("y", 0)]);
    await replaceActivityErrorLines("acc", "x", [line("x", 0)]);
    expect((await activityErrorLinesOf("acc", "x")).map((l) => l.index)).toEqual([0]);
    expect(await activityErrorLinesOf("acc", "y")).toHaveLength(1);
  });

  it("update a sync state, from an idle one when there is none, and never for an erased account", async () => {
    await fresh().accounts.put(makeAccount({ id: "acc" }));
    const base = { dataset: "acc|activities", accountId: "acc", kind: "activities" as const };
    const seen: string[] = [];
    await updateSyncState(base, (current) => {
      seen.push(current.status);
      return {
        ...base,
        status: "running",
        startedAt: 1,
        runRows: 0,
        pages: current.pages,
        rows: current.rows,
      };
    });
    await updateSyncState(base, (current) => ({ ...current, rows: 5 }));
    expect(seen).toEqual(["idle"]);
    expect(await getSyncState("acc|activities")).toEqual({
      ...base,
      status: "running",
      startedAt: 1,
      runRows: 0,
      pages: 0,
      rows: 5,
    });
    // A sync still running when its account was erased must not put its state back.
    const erased = { dataset: "gone|activities", accountId: "gone", kind: "activities" as const };
    await expect(updateSyncState(erased, (current) => current)).rejects.toBeInstanceOf(AccountErasedError);
    expect(await getSyncState("gone|activities")).toBeUndefined();
  });
});
