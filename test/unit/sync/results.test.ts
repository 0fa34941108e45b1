import { describe, expect, it } from "vitest";
import { isMailroomError } from "../../../src/core/errors";
import { db } from "../../../src/db";
import { fetchActivityResults, refreshActivities } from "../../../src/sync";
import { freshDb } from "./support/fakes";
import { sandboxSession } from "./support/sandbox";

describe("an export's results file", () => {
  it("is fetched by following the activity's results link, with the account's token", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const exports = await db()
      .activities.filter(
        (a) => a.generation === "v3" && a.status === "completed" && a.resultsHref !== undefined,
      )
      .toArray();
    expect(exports.length).toBeGreaterThan(0);
    const activity = exports[0]!;

    const file = await fetchActivityResults(s.account.id, activity.activityId, { deps: s.deps });

    expect(s.requests.at(-1)?.pathname).toBe(activity.resultsHref);
    const text = await file.text();
    expect(text.split("\n")[0]).toMatch(/email/i);
    expect(text.split("\n").length).toBeGreaterThan(1);
  });

  it("says not_found for an activity with no file", async () => {
    freshDb();
    const s = await sandboxSession();
    await refreshActivities(s.account.id, { deps: s.deps });
    const plain = await db()
      .activities.filter((a) => a.generation === "v3" && a.resultsHref === undefined)
      .first();
    const error = await fetchActivityResults(s.account.id, plain?.activityId ?? "", { deps: s.deps }).catch(
      (e: unknown) => e,
    );
    expect(isMailroomError(error) && error.kind).toBe("not_found");
  });
});
