import { beforeEach, describe, expect, it } from "vitest";
import { compareLists } from "../../../src/db/people/compare";
import { allComparedRows, comparedPage } from "../../../src/db/people/comparedRows";
import { personHistory } from "../../../src/db/people/history";
import { coverageOf } from "../../../src/db/people/lists";
import { searchPeople } from "../../../src/db/people/search";
import { freshDb } from "../sync/support/fakes";
import {
  ACC,
  ALL_SENDS,
  OTHER,
  PEOPLE,
  receivedBy,
  seedPeople,
  T0,
  V2_SPRING,
  V3_AUTUMN,
  V3_RESEND,
  V3_SPRING,
  V3_SUMMER,
} from "./seed";

const ACCOUNT_LISTS = [V2_SPRING, V3_SPRING, V3_RESEND, V3_SUMMER];
const sorted = (emails: Iterable<string>) => [...emails].sort();

beforeEach(async () => {
  freshDb();
  await seedPeople();
});

describe("searching people across the account's cached send lists", () => {
  it("finds a part of an address in every list, grouped by person, with the lists and the newest send", async () => {
    const answer = await searchPeople(ACC, "ANN@");
    expect(answer.total).toBe(2);
    expect(answer.people.map((p) => p.folded)).toEqual(["ann@example.org", "joann@example.org"]);
    const ann = answer.people[0]!;
    // Ann: v2 and v3 Spring and the resend; the other account's list is not counted.
    expect(ann.lists).toBe(3);
    const newest = ALL_SENDS.filter((s) => s.email === "ann@example.org" && s.dataset !== OTHER)
      .map((s) => s.sentAt)
      .sort()
      .at(-1);
    expect(ann.lastSentAt).toBe(newest);
    expect(ann.name).toBe("Ann Lee");
  });

  it("ignores case and accents in names, and counts the v2 list where the person has no name", async () => {
    const answer = await searchPeople(ACC, "muller");
    expect(answer.people).toHaveLength(1);
    const hans = answer.people[0]!;
    expect(hans.email).toBe("Hans.Mueller@Example.de");
    expect(hans.name).toBe("Hans Müller");
    expect(hans.lists).toBe(receivedBy(ACCOUNT_LISTS).get("hans.mueller@example.de")!.size);
    expect((await searchPeople(ACC, "BRONTE")).people.map((p) => p.name)).toEqual(["Zoë Brontë"]);
  });

  it("pages through many matches with an exact total", async () => {
    const expected = sorted(
      new Set(
        ALL_SENDS.filter((s) => s.dataset !== OTHER && s.email.includes("example.net")).map((s) => s.email),
      ),
    );
    const first = await searchPeople(ACC, "example.net", { limit: 10 });
    const second = await searchPeople(ACC, "example.net", { offset: 10, limit: 10 });
    const third = await searchPeople(ACC, "example.net", { offset: 20, limit: 10 });
    expect(first.total).toBe(expected.length);
    expect([...first.people, ...second.people, ...third.people].map((p) => p.folded)).toEqual(expected);
  });

  it("finds nobody for text no one has", async () => {
    expect(await searchPeople(ACC, "nobody-here")).toEqual({ total: 0, offset: 0, people: [] });
  });
});

describe("one person's history", () => {
  it("lists every cached send to exactly that email, newest first, with campaign and generation", async () => {
    const history = await personHistory(ACC, "ANN@example.org");
    const expected = ALL_SENDS.filter((s) => s.email === "ann@example.org" && s.dataset !== OTHER)
      .map((s) => s.sentAt)
      .sort()
      .reverse();
    expect(history.sends.map((s) => s.sentAt)).toEqual(expected);
    // joann@example.org contains ann@example.org but is someone else.
    expect(history.sends.every((s) => s.email === "ann@example.org")).toBe(true);
    expect(history.sends.map((s) => [s.campaign, s.generation])).toEqual([
      ["Spring sale · resend", "v3"],
      ["Spring sale", "v3"],
      ["Spring sale", "v2"],
    ]);
    expect(history.listsFound).toBe(3);
    expect(history.listsCached).toBe(4);
  });

  it("matches an email stored with capitals, and is empty for an unknown one", async () => {
    expect((await personHistory(ACC, "hans.mueller@example.de")).sends.map((s) => s.email)).toEqual([
      "Hans.Mueller@Example.de",
      "Hans.Mueller@Example.de",
      "Hans.Mueller@Example.de",
      "Hans.Mueller@Example.de",
    ]);
    expect((await personHistory(ACC, "ann@example")).sends).toEqual([]);
  });
});

describe("coverage", () => {
  it("says which lists are cached, which the campaign list knows but are not, and which are partial", async () => {
    const coverage = await coverageOf(ACC);
    expect(sorted(coverage.cached)).toEqual(sorted(ACCOUNT_LISTS));
    expect(coverage.notCached).toEqual([V3_AUTUMN]);
    expect(coverage.partial).toEqual([V3_SUMMER]);
  });
});

describe("comparing send lists", () => {
  const run = (question: Parameters<typeof compareLists>[0]["question"]) =>
    compareLists({ accountId: ACC, question });

  it("received A but not B", async () => {
    const answer = await run({ kind: "aNotB", a: [V3_SPRING], b: [V3_SUMMER] });
    const summer = receivedBy([V3_SUMMER]);
    const expected = sorted([...receivedBy([V3_SPRING]).keys()].filter((email) => !summer.has(email)));
    expect(answer.count).toBe(expected.length);
    expect(answer.people.map((p) => p.folded)).toEqual(expected);
  });

  it("received all of them, and any of them", async () => {
    const lists = [V2_SPRING, V3_RESEND, V3_SUMMER];
    const received = receivedBy(lists);
    const all = await run({ kind: "all", lists });
    expect(all.people.map((p) => p.folded)).toEqual(
      sorted([...received].filter(([, got]) => got.size === 3).map(([email]) => email)),
    );
    const any = await run({ kind: "any", lists });
    expect(any.count).toBe(received.size);
    expect(any.people.map((p) => [p.folded, p.lists])).toEqual(
      sorted(received.keys()).map((email) => [email, received.get(email)!.size]),
    );
  });

  it("received at least N of them between two dates (a frequency check)", async () => {
    const window = { fromMs: T0 + 30_000, toMs: T0 + 10 * 86_400_000 };
    const received = receivedBy(ACCOUNT_LISTS, window);
    const answer = await run({ kind: "atLeast", lists: ACCOUNT_LISTS, n: 2, ...window });
    const expected = sorted([...received].filter(([, got]) => got.size >= 2).map(([email]) => email));
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.people.map((p) => p.folded)).toEqual(expected);
    // The window cuts v2 Spring's rows (sent before fromMs): nobody counts it.
    expect(answer.people.every((p) => p.lists <= 2)).toBe(true);
  });

  it("gives the people as rows (address as received, names where a list has them)", async () => {
    const answer = await run({ kind: "aNotB", a: [V3_SPRING], b: [V3_SUMMER] });
    const page = await comparedPage(answer.people.slice(0, 3));
    const all = await allComparedRows(answer.people);
    expect(all.slice(0, 3)).toEqual(page);
    const hans = all.find((row) => row.email === "Hans.Mueller@Example.de");
    expect(hans).toBeUndefined(); // Hans received Summer
    expect(all[0]).toMatchObject({ email: PEOPLE[0]!.email, firstName: "Ann", lastName: "Lee", lists: 1 });
  });

  it("refuses a list that is not cached, and stops when cancelled", async () => {
    await expect(run({ kind: "any", lists: [V3_AUTUMN] })).rejects.toMatchObject({ kind: "not_found" });
    const controller = new AbortController();
    const progress: number[] = [];
    const stopped = compareLists(
      { accountId: ACC, question: { kind: "any", lists: ACCOUNT_LISTS } },
      {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          controller.abort(new DOMException("Comparison cancelled", "AbortError"));
        },
      },
    );
    await expect(stopped).rejects.toMatchObject({ name: "AbortError" });
    expect(progress).toEqual([1]); // stopped after the chunk it was cancelled in
  });
});
