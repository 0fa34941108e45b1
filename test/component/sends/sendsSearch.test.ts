import { beforeEach, describe, expect, it } from "vitest";
import { type MailroomDb, matchesSendsFilter, type Send } from "../../../src/db";
import { countMatchingSends, keyOf, readSendsPage, type SendsQuery } from "../../../src/db/queries/sendsPage";
import { findList } from "../../../src/db/sendStore/lists";
import { chunkKeysIn } from "../../../src/db/sendStore/read";
import { clearTextCache } from "../../../src/db/sendStore/textCache";
import { byTime, freshDb, putInPages } from "../support/seed";
import { walkBackward, walkForward } from "./paging";
import { DS, START, searchRows } from "./searchSeed";

const ROWS = 2_400;
let seeded: Send[] = [];
let db: MailroomDb;

const q = (patch: Partial<SendsQuery>): SendsQuery => ({ dataset: DS, contains: "", order: "asc", ...patch });
/** What the screen must show: the rows of the filter, in its order (the filter's own row test). */
const expected = (query: SendsQuery) =>
  seeded
    .filter((row) => matchesSendsFilter(row, { ...query, datasets: [DS] }))
    .sort(byTime(query.order))
    .map((row) => row.contactId);
/** The same set found without the store's folding: which seeded people a query is meant to find. */
const idsWhere = (keep: (row: Send) => boolean) =>
  seeded
    .filter(keep)
    .sort(byTime())
    .map((row) => row.contactId);

beforeEach(async () => {
  clearTextCache();
  db = freshDb();
  seeded = searchRows(ROWS);
  await putInPages(db, [...seeded, ...searchRows(40).map((row) => ({ ...row, dataset: "acc-1|v3|other" }))]);
  expect((await chunkKeysIn((await findList(DS))!)).length).toBeGreaterThanOrEqual(3);
});

describe("search: email or name contains", () => {
  it("finds a part anywhere in the email or the name, in any case, with or without accents", async () => {
    const cases: [string, (row: Send) => boolean][] = [
      // A domain in the middle of the address, and in another case.
      [
        "example.org",
        (row) => row.email.includes("@lists.example.org") || row.email.includes("@Example.ORG.uk"),
      ],
      [
        "EXAMPLE.ORG",
        (row) => row.email.includes("@lists.example.org") || row.email.includes("@Example.ORG.uk"),
      ],
      // A surname inside john.smith@…
      ["smith", (row) => row.lastName === "Smith"],
      // A surname where the email starts with the first name: found in the name.
      ["kowalski", (row) => row.lastName === "Kowalski"],
      // Accents ignored both ways, case too: Müller, MULLER (and zmuller…@ in the email).
      ["muller", (row) => row.lastName === "Müller" || row.lastName === "MULLER"],
      ["MÜLLER", (row) => row.lastName === "Müller" || row.lastName === "MULLER"],
      ["zoe", (row) => row.firstName === "Zoë" || row.firstName === "ZOE"],
      ["zoë d", (row) => row.firstName === "Zoë"],
      ["org", (row) => /org/i.test(row.email)],
      ["nobody-at-all", () => false],
    ];
    for (const [contains, meant] of cases) {
      const query = q({ contains });
      const want = idsWhere(meant);
      expect(expected(query), contains).toEqual(want);
      const first = await readSendsPage(query, { kind: "first" }, 50);
      // A first page found before every match was seen leaves the count to countMatchingSends.
      expect(first.total ?? (await countMatchingSends(query)), contains).toBe(want.length);
      expect(await countMatchingSends(query), contains).toBe(want.length);
      expect(await walkForward(query, 97), contains).toEqual(want);
    }
    expect(idsWhere((row) => row.lastName === "Kowalski").length).toBeGreaterThan(100);
    const kowalski = await readSendsPage(q({ contains: "kowalski" }), { kind: "first" }, 500);
    expect(kowalski.rows.every((row) => row.email.startsWith("anna"))).toBe(true);
  });

  it("combines with a date range and both orders, paging forward, backward and to the last page", async () => {
    // A window across chunk edges, its bounds on rows that match.
    const sentFrom = new Date(START + 300 * 700).toISOString();
    const sentTo = new Date(START + 1_900 * 700).toISOString();
    for (const order of ["asc", "desc"] as const) {
      for (const contains of ["example.org", "Muller", "zoe"]) {
        const query = q({ contains, sentFrom, sentTo, order });
        const want = expected(query);
        expect(want.length, contains).toBeGreaterThan(150);
        expect(want.length).toBeLessThan(expected(q({ contains })).length);
        expect(await walkForward(query, 41), `${contains} ${order}`).toEqual(want);
        expect(await walkBackward(query, 41), `${contains} ${order}`).toEqual(want);
        const last = await readSendsPage(query, { kind: "last" }, 41);
        expect(last.rows.map((row) => row.contactId)).toEqual(want.slice(-41));
        expect(last).toMatchObject({ hasNext: false, hasPrevious: true, total: want.length });
      }
    }
  });

  it("gives the exact total on every page but a first one found early, whose count comes on its own", async () => {
    const query = q({ contains: "smith", order: "desc" });
    const want = expected(query);
    const first = await readSendsPage(query, { kind: "first" }, 10);
    expect(first.total).toBeUndefined(); // ten newest found long before the last match
    expect(await countMatchingSends(query)).toBe(want.length);
    const middle = await readSendsPage(query, { kind: "after", key: keyOf(first.rows.at(-1)!) }, 10);
    for (const page of [middle, await readSendsPage(query, { kind: "last" }, 10)]) {
      expect(page.total).toBe(want.length);
    }
    const all = await readSendsPage(query, { kind: "first" }, want.length);
    expect(all.rows.map((row) => row.contactId)).toEqual(want);
    expect(all).toMatchObject({ hasPrevious: false, hasNext: false });
  });

  it("keeps a page after a row valid while rows are added to the list between reads", async () => {
    for (const order of ["asc", "desc"] as const) {
      const query = q({ contains: "example.org", order });
      const first = await readSendsPage(query, { kind: "first" }, 60);
      const cursor = first.rows.at(-1)!;
      const at = Date.parse(cursor.sentAt);
      // Matching rows on both sides of the cursor, in its millisecond and in the chunks holding it,
      // and at the newest end, written as a sync writes (chunks rewritten under new keys).
      const added = [
        ...searchRows(12, at - 3_000, order === "asc" ? "a1" : "a2"),
        ...searchRows(3, at, order === "asc" ? "b1" : "b2"),
        ...searchRows(30, START + ROWS * 700, order === "asc" ? "c1" : "c2"),
      ];
      await putInPages(db, added, 7);
      seeded = [...seeded, ...added];
      const want = expected(query);
      const after = want.indexOf(cursor.contactId);
      const next = await readSendsPage(query, { kind: "after", key: keyOf(cursor) }, 60);
      expect(
        next.rows.map((row) => row.contactId),
        order,
      ).toEqual(want.slice(after + 1, after + 61));
      expect(next.total).toBe(want.length);
      const back = await readSendsPage(query, { kind: "before", key: keyOf(next.rows[0]!) }, 60);
      expect(
        back.rows.map((row) => row.contactId),
        order,
      ).toEqual(want.slice(after - 59, after + 1));
    }
  });
});
