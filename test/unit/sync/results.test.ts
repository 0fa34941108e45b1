import { describe, expect, it } from "vitest";
import { isMailroomError } from "../../../src/core/errors";
import { db } from "../../../src/db";
import { fetchActivityResults, refreshActivities } from "../../../src/sync";
import { resultsHrefOf } from "../../../src/sync/resultsHref";
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

  it("v2: a finished export's file_name is the file, fetched with api_key and token", async () => {
    freshDb();
    const s = await sandboxSession({}, { generations: ["v2"] });
    await refreshActivities(s.account.id, { deps: s.deps });
    const exports = await db()
      .activities.filter((a) => a.generation === "v2" && resultsHrefOf(a) !== undefined)
      .toArray();
    expect(exports.length).toBeGreaterThan(0);
    const activity = exports[0]!;
    expect(activity).toMatchObject({ type: "EXPORT_CONTACTS", status: "completed" });

    const file = await fetchActivityResults(s.account.id, activity.activityId, { deps: s.deps });

    const request = s.requests.at(-1);
    expect(request?.href.split("?")[0]).toBe(activity.fileName);
    expect(request?.searchParams.get("api_key")).toBe("mailroom-sandbox-v2-key");
    expect((await file.text()).split("\n").length).toBeGreaterThan(1);
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
