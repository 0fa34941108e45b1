// @vitest-environment node
// The ordered pick behind every recipient list: each element of the set once, none of the holes,
// and `indexOf` the exact inverse of `at`, without listing the set.
import { describe, expect, it } from "vitest";
import { makePick, mergeIntervals } from "../../src/sandbox/audience/pick";

describe("makePick", () => {
  it("gives every element of overlapping intervals once, except the holes, and indexOf inverts at", () => {
    const pick = makePick(
      [
        [10, 50],
        [40, 80],
        [100, 120],
      ],
      [12, 45, 79, 100, 999],
      7,
      "test",
    );
    const members = [
      ...Array.from({ length: 70 }, (_, i) => 10 + i),
      ...Array.from({ length: 20 }, (_, i) => 100 + i),
    ].filter((x) => ![12, 45, 79, 100].includes(x));
    expect(pick.size).toBe(members.length);
    const picked = Array.from({ length: pick.size }, (_, i) => pick.at(i));
    expect([...picked].sort((a, b) => a - b)).toEqual(members);
    expect(picked.slice(0, 10)).not.toEqual(members.slice(0, 10));
    for (let i = 0; i < pick.size; i++) expect(pick.indexOf(picked[i]!)).toBe(i);
    for (const outside of [9, 12, 45, 80, 99, 100, 120, -1]) expect(pick.indexOf(outside)).toBe(-1);
  });

  it("is the same for the same seed and key, another order for another key, and copes with nothing", () => {
    const order = (key: string) =>
      Array.from({ length: 5 }, (_, i) => makePick([[0, 1000]], [], 1, key).at(i));
    expect(order("a")).toEqual(order("a"));
    expect(order("a")).not.toEqual(order("b"));
    expect(makePick([], [], 1, "none").size).toBe(0);
    expect(makePick([[3, 4]], [], 1, "one").at(0)).toBe(3);
    expect(
      mergeIntervals([
        [5, 9],
        [0, 5],
        [20, 20],
      ]),
    ).toEqual([[0, 9]]);
  });

  it("stays exact for a million elements (positions multiply in doubles)", () => {
    const pick = makePick([[0, 1_031_000]], [17, 500_000], 20_240_601, "big");
    for (const i of [0, 1, 123_456, 1_030_997]) expect(pick.indexOf(pick.at(i))).toBe(i);
  });
});
