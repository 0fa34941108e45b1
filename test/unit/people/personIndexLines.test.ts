import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, type Send, sendTables, storeSendPage } from "../../../src/db";
import { listsWithKeys } from "../../../src/db/people/chunkKeys";
import { DistinctLines, type SearchText } from "../../../src/db/people/distinctLines";
import { PersonIndex } from "../../../src/db/people/personIndex";
import { searchPeople } from "../../../src/db/people/search";
import { foldText, fullName } from "../../../src/db/sendStore/fold";
import { dropDataset, promoteCopy } from "../../../src/db/sendStore/lists";
import { putSends } from "../../support/sends";
import { freshDb } from "../sync/support/fakes";

// Three lists of one account (several chunks each) sharing people, one without names (v2), one
// person with a second name in one list; checked against the lines computed from the rows.
const ACC = "lines";
const [A, B, C] = [`${ACC}|v3|act-a`, `${ACC}|v3|act-b`, `${ACC}|v2|3300`];
const T0 = Date.UTC(2026, 3, 1, 9);

function sendsOf(dataset: string, people: readonly number[]): Send[] {
  const v2 = dataset.includes("|v2|");
  return people.map((n, i) => {
    const row: Send = {
      dataset,
      contactId: v2 ? String(5_000 + n) : `c-${String(n).padStart(6, "0")}`,
      email: n % 9 === 0 ? `Person${n}@Example.ORG` : `person${n}@example.org`,
      sentAt: new Date(T0 + i * 1_000).toISOString(),
    };
    if (!v2) {
      row.firstName = n === 7 && dataset === B ? "Seven" : `Förste${n}`;
      row.lastName = `Last${n % 40}`;
    }
    return row;
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const lineOf = (row: Send) => {
  const name = foldText(fullName(row.firstName, row.lastName));
  return name ? `${foldText(row.email)}\t${name}` : foldText(row.email);
};
const expected = (rows: readonly Send[]) => [...new Set(rows.map(lineOf))].sort();
const linesOf = (texts: readonly SearchText[]) => texts.flatMap((segment) => segment.text.split("\n")).sort();

async function updated(index: PersonIndex): Promise<string[]> {
  await index.update((await listsWithKeys(ACC)).keys);
  return linesOf(await index.searchTexts());
}

let held: Send[] = [];

beforeEach(async () => {
  freshDb();
  held = [...sendsOf(A, range(0, 2_500)), ...sendsOf(B, [7, ...range(2_000, 3_200)])];
  await putSends(held);
});

afterEach(() => vi.restoreAllMocks());

describe("the person index's distinct lines", () => {
  it("hold each line of the account's sends once, a list added, synced again and erased", async () => {
    const index = new PersonIndex();
    expect(await updated(index)).toEqual(expected(held));
    // A list synced later: v2 lines (no name) of people already known, and new people.
    const added = sendsOf(C, range(3_000, 4_100));
    await putSends(added);
    held.push(...added);
    expect(await updated(index)).toEqual(expected(held));
    // A synced again without its first 1,000 people.
    const again = sendsOf(A, range(1_000, 2_500));
    await db().transaction("rw", sendTables(), async () => {
      await storeSendPage(A, again, 1);
      await promoteCopy(A, 1);
    });
    held = [...again, ...held.filter((row) => row.dataset !== A)];
    expect(await updated(index)).toEqual(expected(held));
    await db().transaction("rw", sendTables(), async () => dropDataset(B));
    held = held.filter((row) => row.dataset !== B);
    const lines = await updated(index);
    expect(lines).toEqual(expected(held));
    expect(lines).not.toContain("person7@example.org\tseven last7");
  });

  it("are counted again from the chunks held once more lines are gone than held", async () => {
    const index = new PersonIndex(0);
    await updated(index);
    const recount = vi.spyOn(DistinctLines.prototype, "add");
    await db().transaction("rw", sendTables(), async () => dropDataset(A));
    held = held.filter((row) => row.dataset !== A);
    expect(await updated(index)).toEqual(expected(held));
    // Every chunk of B, the one list left, added to a fresh count.
    const keys = (await listsWithKeys(ACC)).keys;
    expect(recount.mock.calls.length).toBe(keys.length);
  });

  it("answer a search as before: the people of a page a sync adds, and none of a list erased", async () => {
    const total = (text: string) => searchPeople(ACC, text).then((answer) => answer.total);
    const onlyB = (row: Send) => row.dataset === B && Number(row.contactId.slice(2)) >= 2_500;
    expect(await total("person3100@")).toBe(1);
    await db().transaction("rw", sendTables(), async () => dropDataset(B));
    expect(held.some(onlyB)).toBe(true);
    expect(await total("person3100@")).toBe(0);
    expect(await total("seven")).toBe(0);
    const page = sendsOf(A, [9_999]).map((row) => ({ ...row, sentAt: new Date(T0 + 9e6).toISOString() }));
    await db().transaction("rw", sendTables(), async () => storeSendPage(A, page));
    expect(await total("person9999@")).toBe(1);
  });
});
