import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../src/db";
import { createLiveQuery } from "../../../src/ui/primitives/createLiveQuery";
import { account, freshDb } from "../../component/support/seed";

// Primitives are tested inside createRoot, as solid-primitives does: the root is the owner whose
// disposal ends the subscription.
let dispose: (() => void) | undefined;

beforeEach(() => {
  freshDb();
});

afterEach(() => {
  dispose?.();
  dispose = undefined;
});

function labelOf(id: string) {
  return db()
    .accounts.get(id)
    .then((row) => row?.label);
}

describe("createLiveQuery", () => {
  it("answers, then follows writes to what it read", async () => {
    await db().accounts.put(account({ id: "a", label: "First" }));
    const query = createRoot((done) => {
      dispose = done;
      return createLiveQuery(() => "a", labelOf);
    });
    expect(query.loading()).toBe(true);
    await vi.waitFor(() => expect(query.value()).toBe("First"));
    expect(query.loading()).toBe(false);

    await db().accounts.update("a", { label: "Renamed" });
    await vi.waitFor(() => expect(query.value()).toBe("Renamed"));
  });

  it("subscribes again with the new deps when they change", async () => {
    await db().accounts.bulkPut([account({ id: "a", label: "A" }), account({ id: "b", label: "B" })]);
    const [id, setId] = createSignal("a");
    const query = createRoot((done) => {
      dispose = done;
      return createLiveQuery(id, labelOf);
    });
    await vi.waitFor(() => expect(query.value()).toBe("A"));
    setId("b");
    await vi.waitFor(() => expect(query.value()).toBe("B"));
  });

  it("throws a failing query's error from value() (to the nearest ErrorBoundary) and tells it by error()", async () => {
    const failure = new Error("read failed");
    const query = createRoot((done) => {
      dispose = done;
      return createLiveQuery(
        () => null,
        () => Promise.reject(failure),
      );
    });
    await vi.waitFor(() => expect(query.error()).toBe(failure));
    expect(query.loading()).toBe(false);
    expect(() => query.value()).toThrow(failure);
  });
});
