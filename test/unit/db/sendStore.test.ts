import { describe, expect, it } from "vitest";
import {
  allSendsOf,
  countSends,
  db,
  newestSentAt,
  type Send,
  sendPagesOf,
  sendTables,
  storeSendPage,
} from "../../../src/db";
import { type ChunkKey, MAX_CHUNK_ROWS } from "../../../src/db/sendStore/chunk";
import { packIds, unpackId } from "../../../src/db/sendStore/contactIds";
import { foldText } from "../../../src/db/sendStore/fold";
import { dropAbandonedCopies, findList, promoteCopy } from "../../../src/db/sendStore/lists";
import { findMatches, matchedRows, matchingLines } from "../../../src/db/sendStore/search";
import { freshDb } from "../sync/support/fakes";

const DS = "acc|v3|ca";
const BASE = Date.UTC(2026, 0, 1);

function send(i: number, extra: Partial<Send> = {}): Send {
  return {
    dataset: DS,
    contactId: `c${String(i).padStart(6, "0")}`,
    email: `person${i}@example.org`,
    sentAt: new Date(BASE + Math.floor(i / 3) * 1000).toISOString(), // three sends a second: ties
    ...extra,
  };
}

// An async scope: Dexie keeps a transaction open across native awaits only inside one.
const store = (rows: Send[], copy?: number) =>
  db().transaction("rw", sendTables(), async () => storeSendPage(DS, rows, copy));

async function chunkKeys(): Promise<ChunkKey[]> {
  return (await db().sendChunks.toCollection().primaryKeys()) as unknown as ChunkKey[];
}

const sortedUnique = (rows: Send[]) =>
  [...new Map(rows.map((row) => [`${row.sentAt}|${row.contactId}`, row])).values()].sort(
    (a, b) => a.sentAt.localeCompare(b.sentAt) || a.contactId.localeCompare(b.contactId),
  );

describe("the chunked send store", () => {
  it("holds exactly the sends written newest page first, with overlapping pages, once each and in time order", async () => {
    freshDb();
    const all = Array.from({ length: 5_000 }, (_, i) => send(i));
    // Pages of 500 newest first, each repeating the last 20 rows of the page before (the overlap).
    for (let end = all.length; end > 0; end -= 480) await store(all.slice(Math.max(0, end - 500), end));
    expect((await allSendsOf(DS)).map((r) => r.contactId)).toEqual(all.map((r) => r.contactId));
    expect(await countSends(DS)).toBe(5_000);
    expect(await newestSentAt(DS)).toBe(all[all.length - 1]!.sentAt);
    const keys = await chunkKeys();
    for (const [i, key] of keys.entries()) {
      expect(key[4]).toBeLessThanOrEqual(MAX_CHUNK_ROWS);
      const next = keys[i + 1];
      if (next) expect(key[3]).toBeLessThanOrEqual(next[1]); // never overlapping but at an edge
    }
  });

  it("ends exact whatever order the pages come in, and a send written again replaces the one held", async () => {
    freshDb();
    const all = Array.from({ length: 3_000 }, (_, i) => send(i));
    const shuffled = [...all].sort(
      (a, b) => ((a.contactId.charCodeAt(6) * 7919) % 13) - ((b.contactId.charCodeAt(6) * 7919) % 13),
    );
    for (let i = 0; i < shuffled.length; i += 700) await store(shuffled.slice(i, i + 700));
    await store([send(10, { email: "renamed@example.org", deletedAt: "2026-02-01T00:00:00Z" })]);
    const held = await allSendsOf(DS);
    expect(held.map((r) => r.contactId)).toEqual(sortedUnique(all).map((r) => r.contactId));
    expect(held.find((r) => r.contactId === send(10).contactId)).toMatchObject({
      email: "renamed@example.org",
      deletedAt: "2026-02-01T00:00:00Z",
    });
  });

  it("folds the small writes of incremental syncs into the newest chunk instead of a chunk each", async () => {
    freshDb();
    for (let i = 0; i < 30; i++) await store([send(i * 3), send(i * 3 + 1), send(i * 3 + 2)]);
    expect(await chunkKeys()).toHaveLength(1);
    expect(await countSends(DS)).toBe(90);
  });

  it("keeps every field as received: names with accents and tabs, upper-case emails, v2 ids, odd ids", async () => {
    freshDb();
    const rows: Send[] = [
      send(0, { firstName: "Zoë", lastName: "Müller", email: "Zoe.Muller@Example.ORG" }),
      send(1, { contactId: "12345", firstName: "A\tB" }),
      send(2, { contactId: "8F0C1E2A-0000-4000-8000-00000000000A", lastName: "Only" }),
      send(3, { contactId: "8f0c1e2a-0000-4000-8000-00000000000b" }),
    ];
    await store(rows);
    const held = new Map((await allSendsOf(DS)).map((row) => [row.contactId, row]));
    expect(held.get(rows[0]!.contactId)).toEqual({ ...rows[0], campaignActivityId: "ca" });
    expect(held.get("12345")).toMatchObject({ firstName: "A\tB" });
    expect(held.get("8F0C1E2A-0000-4000-8000-00000000000A")).toMatchObject({ lastName: "Only" });
    expect(held.get("8F0C1E2A-0000-4000-8000-00000000000A")?.firstName).toBeUndefined();
    expect(held.has("8f0c1e2a-0000-4000-8000-00000000000b")).toBe(true);
    expect(held.size).toBe(4);
  });

  it("finds a send by any part of its email or name, any case, accents ignored", async () => {
    freshDb();
    await store([
      send(0, { email: "john.smith@example.org", firstName: "John", lastName: "Smith" }),
      send(1, { email: "anna@other.test", firstName: "Anna", lastName: "Müller" }),
      send(2, { email: "zoe@gmail.com", firstName: "Zoë", lastName: "Li" }),
    ]);
    const find = async (contains: string) => {
      const found: string[] = [];
      for await (const page of sendPagesOf(DS, { order: "asc", contains }))
        found.push(...page.map((r) => r.email));
      return found;
    };
    expect(await find("SMITH")).toEqual(["john.smith@example.org"]);
    expect(await find("muller")).toEqual(["anna@other.test"]);
    expect(await find("zoe li")).toEqual(["zoe@gmail.com"]);
    expect(await find("gmail.com")).toEqual(["zoe@gmail.com"]);
    expect(await find("example.org")).toEqual(["john.smith@example.org"]);
    expect(await find("nobody")).toEqual([]);
  });

  it("a first page may stop the scan early, with the newest matches when asked, and says it is incomplete", async () => {
    freshDb();
    const all = Array.from({ length: 4_000 }, (_, i) => send(i));
    for (let i = 0; i < all.length; i += 500) await store(all.slice(i, i + 500));
    const list = (await findList(DS))!;
    const full = await findMatches(list, "EXAMPLE.org");
    expect(full).toMatchObject({ total: 4_000, complete: true });
    const newest = await findMatches(list, "example", {}, { order: "desc", stopAfter: 101 });
    expect(newest.complete).toBe(false);
    expect(newest.total).toBeGreaterThanOrEqual(101);
    expect(newest.total).toBeLessThan(4_000);
    const rows = await matchedRows(newest, newest.total - 1, 1);
    expect(rows[0]?.contactId).toBe(all[all.length - 1]!.contactId);
  });

  it("numbers matching lines once each, wherever the match is", () => {
    const text = ["aa\taa", "b\tb", "xa\t", "\ta"].join("\n");
    expect(matchingLines(text, "a")).toEqual([0, 2, 3]);
    expect(matchingLines(text, "b")).toEqual([1]);
    expect(matchingLines(text, "q")).toEqual([]);
  });

  it("a resync's copy stays out of sight until it is shown; abandoned copies go", async () => {
    freshDb();
    await store([send(0), send(1)]);
    await store([send(1), send(2), send(3)], 77);
    expect(await countSends(DS)).toBe(2);
    await db().transaction("rw", sendTables(), async () => promoteCopy(DS, 77));
    expect((await allSendsOf(DS)).map((r) => r.contactId)).toEqual([1, 2, 3].map((i) => send(i).contactId));
    expect(await db().sendLists.count()).toBe(1);
    await store([send(9)], 88);
    await db().transaction("rw", sendTables(), async () => dropAbandonedCopies(DS));
    expect(await findList(DS, 88)).toBeUndefined();
    expect(await db().sendChunks.count()).toBe(1);
  });
});

describe("folding and packing", () => {
  it("folds case and accents and drops the separators", () => {
    expect(foldText("  Müller ")).toBe("muller");
    expect(foldText("ZOË\tJosé\n")).toBe("zoejose");
  });

  it("packs lower-case UUIDs to 16 bytes and keeps any other id as it is", () => {
    const ids = ["8f0c1e2a-0000-4000-8000-00000000000a", "123", "ABC"];
    const packed = packIds(ids);
    expect(packed.uuids?.length).toBe(48);
    expect(ids.map((_, i) => unpackId(packed, i))).toEqual(ids);
    expect(unpackId(packIds(["7"]), 0)).toBe("7");
  });
});
