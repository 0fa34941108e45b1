import { describe, expect, it } from "vitest";
import { db } from "../../../src/db";
import { refreshActivities } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

describe("a failure of Mailroom's own during a sync", () => {
  it("is recorded and thrown as unexpected, not as a bad answer from the server", async () => {
    freshDb();
    const s = await sandboxSession();
    const deps = {
      ...s.deps,
      authProviderFor: () => {
        throw new TypeError("a bug");
      },
    };
    await expect(refreshActivities(s.account.id, { deps })).rejects.toMatchObject({
      kind: "unexpected",
      message: "a bug",
    });
    expect((await db().syncState.get(`${s.account.id}|activities`))?.lastError).toMatchObject({
      kind: "unexpected",
      message: "a bug",
    });
  });
});
