import { describe, expect, it, vi } from "vitest";
import { gramsOfQuery, gramsOfText, mayContain } from "../../../src/db/sendStore/grams";
import { backgroundPause } from "../../../src/db/sendStore/pause";

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

describe("the warm-up's pauses", () => {
  it("wait for a background-priority task where the browser has one, an ordinary pause elsewhere", async () => {
    const asked: string[] = [];
    const postTask = (task: () => void, options: { priority: string }) => {
      asked.push(options.priority);
      task();
      return Promise.resolve();
    };
    vi.stubGlobal("scheduler", { postTask });
    await backgroundPause();
    vi.unstubAllGlobals();
    expect(asked).toEqual(["background"]);
    await backgroundPause();
    expect(asked).toHaveLength(1);
  });
});
