import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../src/db";
import { createLiveList } from "../../../src/ui/primitives/createLiveList";
import { account, freshDb } from "../../component/support/seed";
import { inRoot } from "./support/inRoot";

beforeEach(() => {
  freshDb();
});

describe("createLiveList", () => {
  it("follows writes, and a write to one row leaves the other rows' objects as they were", async () => {
    await db().accounts.bulkPut([account({ id: "a", label: "A" }), account({ id: "b", label: "B" })]);
    const [list] = inRoot(() =>
      createLiveList(
        () => null,
        () => db().accounts.orderBy("id").toArray(),
        (row) => row.id,
      ),
    );
    expect(list.loading()).toBe(true);
    await vi.waitFor(() => expect(list.rows.map((row) => row.label)).toEqual(["A", "B"]));
    const untouched = list.rows[1];
    await db().accounts.update("a", { label: "A renamed" });
    await vi.waitFor(() => expect(list.rows[0]?.label).toBe("A renamed"));
    expect(list.rows[1]).toBe(untouched);
  });
});
