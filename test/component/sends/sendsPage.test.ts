import { beforeEach, describe, expect, it } from "vitest";
import type { MailroomDb } from "../../../src/db";
import { countSendsInRange, keyOf, readSendsPage, type SendsQuery } from "../../../src/db/queries/sendsPage";
import { MAX_CHUNK_ROWS } from "../../../src/db/sendStore/chunk";
import { findList } from "../../../src/db/sendStore/lists";
import { chunkKeysIn } from "../../../src/db/sendStore/read";
import { freshDb, putInPages, sends } from "../support/seed";
import { walkBackward, walkForward } from "./paging";

const DS = "acc-1|v2|c-1";
const ROWS = 2_500;
const q = (patch: Partial<SendsQuery> = {}): SendsQuery => ({
  dataset: DS,
  contains: "",
  order: "asc",
  ...patch,
});
const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `contact-${String(from + i).padStart(4, "0")}`);

let db: MailroomDb;

beforeEach(async () => {
  db = freshDb();
  // Several chunks (pages of 500 as a sync stores them), and another list that must never show.
  await putInPages(db, [...sends(DS, ROWS), ...sends("acc-1|v2|other", 50)]);
  const keys = await chunkKeysIn((await findList(DS))!);
  expect(keys.length).toBeGreaterThanOrEqual(Math.ceil(ROWS / MAX_CHUNK_ROWS));
});

describe("reading a send list page by page (browse mode, several chunks)", () => {
  it("walks every row once, in time order, forward and backward, without touching another list", async () => {
    const all = ids(0, ROWS - 1);
    expect(await walkForward(q(), 64)).toEqual(all);
    expect(await walkBackward(q(), 64)).toEqual(all);
  });

  it("walks newest first when asked, both ways", async () => {
    const all = ids(0, ROWS - 1).reverse();
    expect(await walkForward(q({ order: "desc" }), 100)).toEqual(all);
    expect(await walkBackward(q({ order: "desc" }), 333)).toEqual(all);
  });

  it("jumps to the last page and comes back with Previous", async () => {
    const last = await readSendsPage(q(), { kind: "last" }, 100);
    expect(last.rows.map((r) => r.contactId)).toEqual(ids(ROWS - 100, ROWS - 1));
    expect(last).toMatchObject({ hasNext: false, hasPrevious: true });
    const before = await readSendsPage(q(), { kind: "before", key: keyOf(last.rows[0]!) }, 100);
    expect(before.rows.map((r) => r.contactId)).toEqual(ids(ROWS - 200, ROWS - 101));
    expect(before).toMatchObject({ hasNext: true, hasPrevious: true });
    const first = await readSendsPage(q(), { kind: "first" }, 100);
    expect(first).toMatchObject({ hasPrevious: false, hasNext: true });
    const newestLast = await readSendsPage(q({ order: "desc" }), { kind: "last" }, 100);
    expect(newestLast.rows.map((r) => r.contactId)).toEqual(ids(0, 99).reverse());
  });

  it("counts and pages within a date range (inclusive bounds) that cuts through chunks", async () => {
    // Rows 960..1079: across the edge between the first two chunks (at row 1,000).
    const range = q({ sentFrom: "2026-11-20T09:16:00.000Z", sentTo: "2026-11-20T09:17:59.000Z" });
    expect(await countSendsInRange(range)).toBe(120);
    expect(await walkForward(range, 7)).toEqual(ids(960, 1079));
    expect(await walkBackward(range, 7)).toEqual(ids(960, 1079));
    expect(await walkForward({ ...range, order: "desc" }, 50)).toEqual(ids(960, 1079).reverse());
    expect(await walkBackward({ ...range, order: "desc" }, 50)).toEqual(ids(960, 1079).reverse());
    const empty = q({ sentFrom: "2026-12-01T00:00:00.000Z", sentTo: "2026-11-01T00:00:00.000Z" });
    expect(await countSendsInRange(empty)).toBe(0);
    expect((await readSendsPage(empty, { kind: "first" }, 10)).rows).toEqual([]);
  });

  it("keeps a page after a row valid while a sync adds rows around it", async () => {
    const first = await readSendsPage(q(), { kind: "first" }, 50);
    const cursorRow = first.rows.at(-1)!;
    // New rows: one in the same millisecond just after the cursor, one before it, and newer ones,
    // written as a sync does (the chunks holding the cursor are rewritten under new keys).
    const at = Date.parse(cursorRow.sentAt);
    const added = [
      { ...sends(DS, 1)[0]!, contactId: `${cursorRow.contactId}-a`, sentAt: cursorRow.sentAt },
      { ...sends(DS, 1)[0]!, contactId: "contact-0000-a", sentAt: new Date(at - 5_000).toISOString() },
      ...sends(DS, 30, Date.parse("2026-11-20T09:00:00.000Z") + ROWS * 1000).map((row, i) => ({
        ...row,
        contactId: `later-${i}`,
      })),
    ];
    await putInPages(db, added);
    const next = await readSendsPage(q(), { kind: "after", key: keyOf(cursorRow) }, 50);
    expect(next.rows.map((r) => r.contactId)).toEqual([`${cursorRow.contactId}-a`, ...ids(50, 98)]);
    expect(next.hasPrevious).toBe(true);
    const back = await readSendsPage(q(), { kind: "before", key: keyOf(next.rows[0]!) }, 50);
    expect(back.rows.at(-1)?.contactId).toBe(cursorRow.contactId);
    expect(back.rows).toHaveLength(50);
    expect(back.hasPrevious).toBe(true);
    expect(await walkForward(q(), 400)).toHaveLength(ROWS + added.length);
  });
});
