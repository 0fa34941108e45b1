import { describe, expect, it } from "vitest";
import { firstInOrder } from "../../../src/db/people/firstInOrder";

describe("the first strings in order, without a full sort", () => {
  it("equals the head of a sort, for any count", async () => {
    // A fixed shuffle (a multiplicative step through 0..9999), not random: the test is the same every run.
    const values = Array.from(
      { length: 10_000 },
      (_, i) => `p${String((i * 7_919) % 10_000).padStart(5, "0")}`,
    );
    const sorted = [...values].sort();
    for (const count of [0, 1, 25, 9_999, 10_000, 20_000]) {
      expect(await firstInOrder(new Set(values), count)).toEqual(sorted.slice(0, count));
    }
  });
});

describe("the first values in order of a key", () => {
  it("equals the head of a sort by that key", async () => {
    const people = Array.from({ length: 3_000 }, (_, i) => ({ folded: `e${(i * 1_231) % 3_000}`, i }));
    const sorted = [...people].sort((a, b) => (a.folded < b.folded ? -1 : 1));
    expect(await firstInOrder(people, 50, (p) => p.folded)).toEqual(sorted.slice(0, 50));
  });
});
