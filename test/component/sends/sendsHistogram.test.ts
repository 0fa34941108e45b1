import { beforeAll, describe, expect, it } from "vitest";
import type { Send } from "../../../src/db";
import { computeSendsHistogram, countFromHistogram } from "../../../src/db/queries/sendsHistogram";
import { findList } from "../../../src/db/sendStore/lists";
import { chunkKeysIn } from "../../../src/db/sendStore/read";
import { freshDb, putInPages, sends } from "../support/seed";

const DS = "acc-1|v2|burst";
const START = Date.parse("2026-11-20T09:00:00.000Z");

/**
 * A burst then a trickle: 1,200 sends 20 ms apart (the first chunk of 1,000 lies inside one
 * minute's bar), then 1,300 a second apart with some in the same millisecond (the later chunks
 * straddle many bars), stored in a sync's pages of 500.
 */
function burstThenTrickle(): Send[] {
  const burst = sends(DS, 1_200).map((row, i) => ({
    ...row,
    sentAt: new Date(START + i * 20).toISOString(),
  }));
  const trickle = sends(DS, 1_300, START + 30_000).map((row, i) => ({
    ...row,
    contactId: `trickle-${String(i).padStart(4, "0")}`,
    sentAt: new Date(START + 30_000 + (i - (i % 4 === 3 ? 1 : 0)) * 1000).toISOString(),
  }));
  return [...burst, ...trickle];
}

const ROWS = burstThenTrickle();
const countRows = (from?: string, to?: string) =>
  ROWS.filter((row) => (from === undefined || row.sentAt >= from) && (to === undefined || row.sentAt <= to))
    .length;

beforeAll(async () => {
  const db = freshDb();
  await putInPages(db, ROWS);
});

describe("the Sends screen's histogram on chunks", () => {
  it("counts every bar as the seeded rows do, with chunks inside one bar and chunks straddling bars", async () => {
    const histogram = await computeSendsHistogram(DS);
    if (!histogram) throw new Error("no histogram");
    expect(histogram.unit).toBe("minute");
    const bar = (iso: string) => Math.floor((Date.parse(iso) - histogram.start) / histogram.bucketMs);
    const keys = await chunkKeysIn((await findList(DS))!);
    const inOneBar = keys.filter(
      (key) => bar(new Date(key[1]).toISOString()) === bar(new Date(key[3]).toISOString()),
    );
    expect(inOneBar.length).toBeGreaterThan(0);
    expect(inOneBar.length).toBeLessThan(keys.length);
    const expected = new Array<number>(histogram.counts.length).fill(0);
    for (const row of ROWS) expected[bar(row.sentAt)]! += 1;
    expect(histogram.counts).toEqual(expected);
    expect(await computeSendsHistogram("acc-1|v2|none")).toBeUndefined();
  });

  it("counts any date range from the histogram exactly, recounting only the bars the bounds cut", async () => {
    const histogram = await computeSendsHistogram(DS);
    if (!histogram) throw new Error("no histogram");
    const ranges: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ["2026-11-20T09:00:10.000Z", "2026-11-20T09:00:15.000Z"],
      ["2026-11-20T09:00:23.990Z", "2026-11-20T09:00:30.000Z"],
      ["2026-11-20T09:01:00.000Z", "2026-11-20T09:02:59.999Z"],
      ["2026-11-20T09:00:30.500Z", undefined],
      [undefined, "2026-11-20T09:05:00.000Z"],
      ["2026-11-20T09:17:33.000Z", "2026-11-20T09:17:33.000Z"],
      ["2026-11-21T00:00:00.000Z", undefined],
    ];
    for (const [sentFrom, sentTo] of ranges) {
      expect(await countFromHistogram(histogram, DS, sentFrom, sentTo), `${sentFrom}..${sentTo}`).toBe(
        countRows(sentFrom, sentTo),
      );
    }
  });
});
