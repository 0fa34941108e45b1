import { describe, expect, it } from "vitest";
import { gramsOfQuery, gramsOfText, mayContain } from "../../../src/db/sendStore/grams";

describe("the four-character maps", () => {
  const text = ["anna.muller12@example.org\tanna muller", "zoe@gmail.com\tzoe li"].join("\n");
  const bits = gramsOfText(text);

  it("hold every part of the text, so a search never skips a chunk that holds it", () => {
    for (let from = 0; from < text.length; from++)
      for (let to = from + 4; to <= Math.min(text.length, from + 12); to++)
        expect(mayContain(bits, gramsOfQuery(text.slice(from, to)))).toBe(true);
  });

  it("rule a chunk out when a run of the query is missing, and never for short queries", () => {
    expect(mayContain(bits, gramsOfQuery("muller13"))).toBe(false);
    expect(mayContain(bits, gramsOfQuery("qqqq"))).toBe(false);
    expect(mayContain(bits, gramsOfQuery("qqq"))).toBe(true);
    expect(mayContain(undefined, gramsOfQuery("qqqq"))).toBe(true);
  });
});
