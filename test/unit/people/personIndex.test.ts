import { liveQuery } from "dexie";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, type Send, sendTables, storeSendPage } from "../../../src/db";
import { personHistory, warmPeople } from "../../../src/db/people/history";
import { searchPeople } from "../../../src/db/people/search";
import { foldText, fullName } from "../../../src/db/sendStore/fold";
import { dropDataset, promoteCopy } from "../../../src/db/sendStore/lists";
import { putSends } from "../../support/sends";
import { freshDb } from "../sync/support/fakes";

// An account big enough for several chunks a list (1,000 sends at most each), with accents,
// capitals and people in several lists, checked against a plain computation over its rows.
const ACC = "big";
const LISTS = [`${ACC}|v3|act-a`, `${ACC}|v3|act-b`, `${ACC}|v2|2200`];
const T0 = Date.UTC(2026, 5, 1, 8);
const SURNAMES = ["Müller", "Smith", "García", "Ødegård", "Lee"];

function personOf(n: number) {
  return {
    email: n % 7 === 0 ? `User${n}@Example.COM` : `user${n}@example.${n % 3 === 0 ? "net" : "org"}`,
    first: n % 11 === 0 ? "Zoë" : `First${n}`,
    last: SURNAMES[n % SURNAMES.length]!,
  };
}

/** 1,400, 1,100 and 900 sends, to overlapping people (the v2 list without names). */
function sendsOf(dataset: string, index: number): Send[] {
  const count = [1_400, 1_100, 900][index]!;
  return Array.from({ length: count }, (_, i) => {
    const n = (i * (index + 3)) % 1_700;
    const person = personOf(n);
    const v2 = dataset.includes("|v2|");
    const row: Send = {
      dataset,
      contactId: v2 ? String(10_000 + n) : `c-${String(n).padStart(6, "0")}`,
      email: person.email,
      sentAt: new Date(T0 + index * 86_400_000 + i * 1_000).toISOString(),
    };
    if (!v2) Object.assign(row, { firstName: person.first, lastName: person.last });
    return row;
  });
}

let held: Send[] = [];

beforeEach(async () => {
  freshDb();
  held = LISTS.flatMap(sendsOf);
  await putSends(held);
});

/** The people whose email or name contains `text`, computed from the rows themselves. */
function plainSearch(rows: readonly Send[], text: string) {
  const query = foldText(text);
  const byPerson = new Map<string, Send[]>();
  for (const row of rows) {
    const folded = foldText(row.email);
    byPerson.set(folded, [...(byPerson.get(folded) ?? []), row]);
  }
  const matches = (row: Send) =>
    foldText(row.email).includes(query) || foldText(fullName(row.firstName, row.lastName)).includes(query);
  return [...byPerson]
    .filter(([, own]) => own.some(matches))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([folded, own]) => {
      const newest = [...own].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
      const named = newest.find((row) => row.firstName || row.lastName);
      const person: Record<string, unknown> = {
        email: newest[0]!.email,
        folded,
        lists: new Set(own.map((row) => row.dataset)).size,
        lastSentAt: newest[0]!.sentAt,
      };
      if (named) person.name = fullName(named.firstName, named.lastName);
      return person;
    });
}

const plainHistory = (rows: readonly Send[], email: string) =>
  rows
    .filter((row) => foldText(row.email) === foldText(email))
    .map((row) => [row.sentAt, row.dataset, row.contactId])
    .sort((a, b) => (a[0]! < b[0]! ? 1 : -1));

const historyOf = async (email: string) =>
  (await personHistory(ACC, email)).sends.map((send) => [send.sentAt, send.dataset, send.contactId]);

describe("the person index answers as a scan of every row would", () => {
  it("finds the same people, page by page, for parts of addresses and of folded names", async () => {
    await warmPeople(ACC);
    for (const text of ["MULLER", "odegard", "zoe", "@example.com", "user1", "er12", "nobody"]) {
      const expected = plainSearch(held, text);
      const first = await searchPeople(ACC, text, { limit: 25 });
      const second = await searchPeople(ACC, text, { offset: 25, limit: 25 });
      expect(first.total, text).toBe(expected.length);
      expect([...first.people, ...second.people], text).toEqual(expected.slice(0, 50));
    }
  });

  it("gives a person's every send, in any case, newest first", async () => {
    for (const email of [
      "user14@example.com",
      "USER14@EXAMPLE.COM",
      "user100@example.org",
      "user3@example.net",
    ]) {
      expect(await historyOf(email), email).toEqual(plainHistory(held, email));
    }
    expect(await historyOf("user1@example")).toEqual([]);
  });

  it("reads no search text from disk once warm, only the rows of the chunks holding the person", async () => {
    await warmPeople(ACC);
    const texts = vi.spyOn(db().sendText, "bulkGet");
    const chunks = vi.spyOn(db().sendChunks, "bulkGet");
    expect(await historyOf("user14@example.com")).toEqual(plainHistory(held, "user14@example.com"));
    expect(texts).not.toHaveBeenCalled();
    expect(chunks.mock.calls.flatMap(([keys]) => keys).length).toBeLessThanOrEqual(
      plainHistory(held, "user14@example.com").length,
    );
  });

  it("answers the same when a lookup runs while People is still warming", async () => {
    const [, history] = await Promise.all([warmPeople(ACC), historyOf("user14@example.com")]);
    expect(history).toEqual(plainHistory(held, "user14@example.com"));
  });

  it("is whole after a warm-up cancelled half-way", async () => {
    const controller = new AbortController();
    const warming = warmPeople(ACC, controller.signal);
    controller.abort(new DOMException("left People", "AbortError"));
    await expect(warming).rejects.toMatchObject({ name: "AbortError" });
    expect((await searchPeople(ACC, "garcia")).total).toBe(plainSearch(held, "garcia").length);
  });
});

describe("the person index follows the stored lists", () => {
  const newSend = (dataset: string, email: string, at: number): Send => ({
    dataset,
    contactId: "c-new",
    email,
    sentAt: new Date(at).toISOString(),
    firstName: "New",
    lastName: "Person",
  });

  it("sees a page a sync adds: a new send to a known person and a new person", async () => {
    await warmPeople(ACC);
    const before = await historyOf("user14@example.com");
    const page = [
      newSend(LISTS[1]!, "User14@Example.com", T0 + 5 * 86_400_000),
      newSend(LISTS[1]!, "newcomer@example.org", T0 + 5 * 86_400_000 + 1),
    ];
    await db().transaction("rw", sendTables(), async () => storeSendPage(LISTS[1]!, page));
    held.push(...page);
    expect(await historyOf("user14@example.com")).toEqual(plainHistory(held, "user14@example.com"));
    expect((await historyOf("user14@example.com")).length).toBe(before.length + 1);
    expect((await searchPeople(ACC, "newcomer")).people.map((p) => p.folded)).toEqual([
      "newcomer@example.org",
    ]);
    expect((await searchPeople(ACC, "example.org")).total).toBe(plainSearch(held, "example.org").length);
  });

  it("answers a live query again when a page is stored", async () => {
    const answers: number[] = [];
    const stored = new Promise<void>((resolve, reject) => {
      const subscription = liveQuery(() => personHistory(ACC, "newcomer@example.org")).subscribe((h) => {
        answers.push(h.sends.length);
        // Once the first answer is in, a sync stores a page with a send to them.
        if (answers.length === 1) {
          const page = [newSend(LISTS[0]!, "newcomer@example.org", T0 + 9 * 86_400_000)];
          db()
            .transaction("rw", sendTables(), async () => storeSendPage(LISTS[0]!, page))
            .catch(reject);
        }
        if (h.sends.length === 1) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    await stored;
    // Answered again (perhaps more than once) until the new send shows.
    expect(answers[0]).toBe(0);
    expect(answers.at(-1)).toBe(1);
  });

  it("sees a list synced again (its copy swapped in) and a list removed", async () => {
    await warmPeople(ACC);
    const [a, b] = LISTS as [string, string, string];
    // "Sync everything again" of list a: its new copy lacks user14 and has a newcomer.
    const again = [
      ...sendsOf(a, 0).filter((row) => foldText(row.email) !== "user14@example.com"),
      newSend(a, "again@example.org", T0 + 3_000_000),
    ];
    await db().transaction("rw", sendTables(), async () => {
      await storeSendPage(a, again, 1);
      await promoteCopy(a, 1);
    });
    held = [...again, ...held.filter((row) => row.dataset !== a)];
    expect(await historyOf("user14@example.com")).toEqual(plainHistory(held, "user14@example.com"));
    expect((await searchPeople(ACC, "again@")).total).toBe(1);
    await db().transaction("rw", sendTables(), async () => dropDataset(b));
    held = held.filter((row) => row.dataset !== b);
    const history = await personHistory(ACC, "user14@example.com");
    expect(history.sends.map((s) => [s.sentAt, s.dataset, s.contactId])).toEqual(
      plainHistory(held, "user14@example.com"),
    );
    expect(history.listsCached).toBe(2);
    expect((await searchPeople(ACC, "smith")).people).toEqual(plainSearch(held, "smith").slice(0, 25));
  });
});
