import { beforeEach, describe, expect, it } from "vitest";
import { computeSendsHistogram, countFromHistogram } from "../../../src/db/queries/sendsHistogram";
import {
  countSendsInRange,
  keyOf,
  readSendsPage,
  type SendsCursor,
  type SendsQuery,
} from "../../../src/db/queries/sendsPage";
import { freshDb, sends } from "../support/seed";

const DS = "acc-1|v2|c-1";
const q = (patch: Partial<SendsQuery> = {}): SendsQuery => ({
  dataset: DS,
  prefix: "",
  order: "asc",
  ...patch,
});

/** Follows Next from the first page to the end and returns every contact id seen, in order. */
async function walk(query: SendsQuery, size: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: SendsCursor = { kind: "first" };
  for (;;) {
    const page = await readSendsPage(query, cursor, size);
    seen.push(...page.rows.map((r) => r.contactId));
    const last = page.rows.at(-1);
    if (!page.hasNext || !last) return seen;
    cursor = { kind: "after", key: keyOf(last) };
  }
}

beforeEach(async () => {
  const db = freshDb();
  await db.sends.bulkPut([...sends(DS, 1000), ...sends("acc-1|v2|other", 50)]);
});

describe("reading a send list page by page", () => {
  it("walks every row once, in time order, without touching another list", async () => {
    const ids = await walk(q(), 64);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(ids[0]).toBe("contact-0000");
    expect(ids.at(-1)).toBe("contact-0999");
  });

  it("walks newest first when asked", async () => {
    const ids = await walk(q({ order: "desc" }), 100);
    expect(ids[0]).toBe("contact-0999");
    expect(ids.at(-1)).toBe("contact-0000");
  });

  it("jumps to the last page and comes back with Previous", async () => {
    const last = await readSendsPage(q(), { kind: "last" }, 100);
    expect(last.rows.map((r) => r.contactId).at(-1)).toBe("contact-0999");
    expect(last.rows[0]?.contactId).toBe("contact-0900");
    expect(last).toMatchObject({ hasNext: false, hasPrevious: true });
    const before = await readSendsPage(q(), { kind: "before", key: keyOf(last.rows[0]!) }, 100);
    expect(before.rows[0]?.contactId).toBe("contact-0800");
    expect(before.rows.at(-1)?.contactId).toBe("contact-0899");
    const first = await readSendsPage(q(), { kind: "first" }, 100);
    expect(first).toMatchObject({ hasPrevious: false, hasNext: true });
  });

  it("counts and pages within a date range (inclusive bounds)", async () => {
    const range = q({ sentFrom: "2026-11-20T09:00:10.000Z", sentTo: "2026-11-20T09:00:19.000Z" });
    expect(await countSendsInRange(range)).toBe(10);
    expect(await walk(range, 3)).toEqual(Array.from({ length: 10 }, (_, i) => `contact-00${10 + i}`));
    expect(
      await countSendsInRange(
        q({ sentFrom: "2026-12-01T00:00:00.000Z", sentTo: "2026-11-01T00:00:00.000Z" }),
      ),
    ).toBe(0);
  });

  it("finds by email prefix or name prefix, counts the matches and pages them in time order", async () => {
    const byEmail = await readSendsPage(q({ prefix: "A012" }), { kind: "first" }, 5);
    expect(byEmail.total).toBe(10);
    expect(byEmail.rows.map((r) => r.contactId)).toEqual([
      "contact-0120",
      "contact-0121",
      "contact-0122",
      "contact-0123",
      "contact-0124",
    ]);
    expect(await walk(q({ prefix: "name 09", order: "desc" }), 30)).toHaveLength(100);
    const last = await readSendsPage(q({ prefix: "name 09", order: "desc" }), { kind: "last" }, 30);
    expect(last.rows.at(-1)?.contactId).toBe("contact-0900");
    expect((await readSendsPage(q({ prefix: "zzz" }), { kind: "first" }, 5)).total).toBe(0);
  });

  it("draws sends per minute from key-range counts", async () => {
    const histogram = await computeSendsHistogram(DS);
    expect(histogram?.unit).toBe("minute");
    // 1,000 sends one second apart from 09:00:00: 60 a minute, 40 in the 17th minute.
    expect(histogram?.counts).toHaveLength(17);
    expect(histogram?.counts[0]).toBe(60);
    expect(histogram?.counts.at(-1)).toBe(40);
    expect(histogram?.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(await computeSendsHistogram("acc-1|v2|none")).toBeUndefined();
  });

  it("counts any date range from the histogram exactly, recounting only the bars the bounds cut", async () => {
    const histogram = await computeSendsHistogram(DS);
    if (!histogram) throw new Error("no histogram");
    const ranges: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ["2026-11-20T09:00:10.000Z", "2026-11-20T09:00:19.000Z"],
      ["2026-11-20T09:01:00.000Z", "2026-11-20T09:02:59.999Z"],
      ["2026-11-20T09:00:30.500Z", undefined],
      [undefined, "2026-11-20T09:05:00.000Z"],
      ["2026-11-21T00:00:00.000Z", undefined],
    ];
    for (const [sentFrom, sentTo] of ranges) {
      const expected = await countSendsInRange(q({ sentFrom, sentTo }));
      expect(await countFromHistogram(histogram, DS, sentFrom, sentTo), `${sentFrom}..${sentTo}`).toBe(
        expected,
      );
    }
  });
});
