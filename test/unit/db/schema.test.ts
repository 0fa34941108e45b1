import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { MailroomDb } from "../../../src/db";

describe("the schema", () => {
  it("is at version 4 with every table the layers rely on", async () => {
    const database = new MailroomDb(`test-${crypto.randomUUID()}`);
    await database.open();
    expect(database.verno).toBe(4);
    expect(database.tables.map((t) => t.name).sort()).toEqual(
      [
        "accounts",
        "activities",
        "activityErrors",
        "authAttempts",
        "budget",
        "campaignActivities",
        "campaigns",
        "sendChunks",
        "sendGrams",
        "sendLists",
        "sendText",
        "settings",
        "syncState",
        "tokens",
      ].sort(),
    );
    expect(database.sendChunks.schema.primKey.keyPath).toEqual([
      "list",
      "firstMs",
      "firstId",
      "lastMs",
      "rows",
    ]);
    database.close();
  });

  it("opens a database written by another connection at the same version, data intact", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = new MailroomDb(name);
    await first.budget.put({ appKey: "k", day: "2026-11-25", used: 7, recent: [] });
    first.close();
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(4);
    raw.close();
    const second = new MailroomDb(name);
    expect(await second.budget.get("k")).toMatchObject({ used: 7 });
    second.close();
  });
});
