import Dexie from "dexie";
import { describe, expect, it, vi } from "vitest";
import { countSends, db, type Send, sendTables, storeSendPage, warmSearch } from "../../../src/db";
import { readSendsPage } from "../../../src/db/queries/sendsPage";
import { type ChunkKey, encodeChunk } from "../../../src/db/sendStore/chunk";
import { findList, promoteCopy } from "../../../src/db/sendStore/lists";
import { chunkKeysIn, type TimeWindow } from "../../../src/db/sendStore/read";
import { findMatches } from "../../../src/db/sendStore/search";
import { cachedTexts, clearTextCache } from "../../../src/db/sendStore/textCache";
import { freshDb } from "../sync/support/fakes";

const DS = "acc|v3|ca";
const BASE = Date.UTC(2026, 0, 1);

function send(i: number, extra: Partial<Send> = {}): Send {
  return {
    dataset: DS,
    contactId: `c${String(i).padStart(6, "0")}`,
    email: `person${i}@example.org`,
    firstName: i % 2 ? "Zoë" : "Anna",
    lastName: `Müller${i % 7}`,
    sentAt: new Date(BASE + Math.floor(i / 3) * 1000).toISOString(),
    ...extra,
  };
}

const store = (rows: Send[], copy?: number) =>
  db().transaction("rw", sendTables(), async () => storeSendPage(DS, rows, copy));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => send(from + i));

/** The keys as IndexedDB holds them now, in the window: what the cache must always equal. */
async function keysOnDisk(list: number, window: TimeWindow = {}): Promise<ChunkKey[]> {
  const keys = (await db()
    .sendChunks.where(":id")
    .between([list], [list, Dexie.maxKey], true, true)
    .primaryKeys()) as ChunkKey[];
  return keys.filter(
    (key) =>
      (window.fromMs === undefined || key[3] >= window.fromMs) &&
      (window.toMs === undefined || key[1] <= window.toMs),
  );
}

describe("the chunk keys kept in memory", () => {
  it("are the keys on disk after each new page, and no stale ones once a sync wrote", async () => {
    freshDb();
    await store(range(0, 2_500));
    const list = (await findList(DS))!;
    expect(await chunkKeysIn(list)).toEqual(await keysOnDisk(list));
    // Each write renews the list's stamp: without it, the keys read before would be served here.
    for (const page of [range(2_500, 3_000), range(2_990, 3_400), range(100, 200)]) {
      await store(page);
      expect(await chunkKeysIn(list)).toEqual(await keysOnDisk(list));
    }
    const window = { fromMs: BASE + 300_000, toMs: BASE + 700_000 };
    expect(await chunkKeysIn(list, window)).toEqual(await keysOnDisk(list, window));
  });

  it("are served from memory while the list's stamp is unchanged", async () => {
    freshDb();
    await store(range(0, 1_500));
    const list = (await findList(DS))!;
    const before = await chunkKeysIn(list);
    // A chunk put behind the store's back (no stamp renewed) is not seen: the keys came from memory.
    const { chunk } = encodeChunk(list, [{ ...send(9_000), ms: BASE + 9_000_000 }]);
    await db().sendChunks.put(chunk);
    expect(await chunkKeysIn(list)).toEqual(before);
    expect(await keysOnDisk(list)).toHaveLength(before.length + 1);
  });

  it("serve the Sends screen's page while the list's stamp is unchanged, and not past a write", async () => {
    freshDb();
    await store(range(0, 2_500));
    const list = (await findList(DS))!;
    // Held, as the Campaigns screen's count of the list leaves them.
    await chunkKeysIn(list);
    const query = { dataset: DS, contains: "", order: "desc" as const };
    const newest = async () => (await readSendsPage(query, { kind: "first" }, 10)).rows[0]?.contactId;
    // A chunk put behind the store's back (no stamp renewed) is not read: the page's keys came from memory.
    const hidden = encodeChunk(list, [{ ...send(9_000), ms: BASE + 9_000_000 }]);
    await db().sendChunks.put(hidden.chunk);
    await db().sendText.put(hidden.text);
    expect(await newest()).toBe(send(2_499).contactId);
    // A write through the store renews the stamp: the page reads the keys again and shows it.
    await store([send(9_001, { sentAt: new Date(BASE + 9_500_000).toISOString() })]);
    expect(await newest()).toBe(send(9_001).contactId);
  });

  it("hand out a copy: a caller reversing them does not reorder the next caller's", async () => {
    freshDb();
    await store(range(0, 2_500));
    const list = (await findList(DS))!;
    (await chunkKeysIn(list)).reverse();
    expect(await chunkKeysIn(list)).toEqual(await keysOnDisk(list));
  });

  it("follow a resync's swap: the shown list's keys are the copy's", async () => {
    freshDb();
    await store(range(0, 1_200));
    const old = (await findList(DS))!;
    await chunkKeysIn(old);
    await store(range(1_000, 2_200), 77);
    await db().transaction("rw", sendTables(), async () => promoteCopy(DS, 77));
    const shown = (await findList(DS))!;
    expect(shown).not.toBe(old);
    expect(await chunkKeysIn(shown)).toEqual(await keysOnDisk(shown));
    expect(await chunkKeysIn(old)).toEqual([]);
    expect(await countSends(DS)).toBe(1_200);
  });
});

/** A plain scan: every row of the list, in order, whose folded line holds the folded query. */
async function plainScan(list: number, query: string, window: TimeWindow = {}): Promise<string[]> {
  const fold = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  const chunks = await db().sendChunks.where(":id").between([list], [list, Dexie.maxKey]).toArray();
  const texts = await db().sendText.where(":id").between([list], [list, Dexie.maxKey]).toArray();
  const found: string[] = [];
  chunks.forEach((chunk, c) => {
    const lines = texts[c]!.text.split("\n");
    for (let i = 0; i < chunk.rows; i++) {
      const ms = chunk.firstMs + (chunk.offsets[i] ?? 0);
      const inWindow =
        (window.fromMs === undefined || ms >= window.fromMs) &&
        (window.toMs === undefined || ms <= window.toMs);
      if (inWindow && lines[i]!.includes(fold(query))) found.push(`${chunk.firstMs}:${i}`);
    }
  });
  return found;
}

async function searched(list: number, query: string, window: TimeWindow = {}): Promise<string[]> {
  const matches = await findMatches(list, query, window);
  return matches.chunks.flatMap((chunk) => chunk.lines.map((line) => `${chunk.key[1]}:${line}`));
}

describe("a search over the keys in memory", () => {
  it("finds what a plain scan finds: prefix, substring, accent-folded, windowed, after new pages and a swap", async () => {
    freshDb();
    await store(range(0, 2_400));
    let list = (await findList(DS))!;
    const queries = ["person12", "person1201@", "12@example", "MULLER3", "zoë", "example.org", "nobody here"];
    const window = { fromMs: BASE + 200_000, toMs: BASE + 500_000 };
    const check = async () => {
      // With the four-character maps built (as opening the screen does), chunks are ruled out.
      await warmSearch(DS);
      for (const query of queries) {
        expect(await searched(list, query)).toEqual(await plainScan(list, query));
        expect(await searched(list, query, window)).toEqual(await plainScan(list, query, window));
      }
    };
    await check();
    await store(range(2_400, 3_100));
    // A send fetched again with another address, with one more beside it (so its chunk's key
    // changes: a chunk rewritten under the same key keeps its cached text, see textCache.ts).
    const again = send(1_200, { email: "changed@else.test", lastName: "Other" });
    await store([again, send(9_999, { sentAt: again.sentAt })]);
    await check();
    await store(range(0, 3_300), 5);
    await db().transaction("rw", sendTables(), async () => promoteCopy(DS, 5));
    list = (await findList(DS))!;
    await check();
  });
});

describe("the search text read for a scan", () => {
  it("comes in growing batches: a scan that stops after the newest chunk read two texts, not 64", async () => {
    freshDb();
    clearTextCache();
    for (let start = 0; start < 20_000; start += 1_000) await store(range(start, start + 1_000));
    const list = (await findList(DS))!;
    const keys = (await chunkKeysIn(list)).reverse();
    expect(keys.length).toBeGreaterThanOrEqual(20);
    const read = vi.spyOn(db().sendText, "bulkGet");
    const sizes: number[] = [];
    for await (const batch of cachedTexts(keys)) sizes.push(batch.length);
    expect(sizes.slice(0, 3)).toEqual([2, 4, 8]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(keys.length);
    read.mockClear();
    clearTextCache();
    for await (const _ of cachedTexts(keys)) break;
    expect(read.mock.calls.map(([asked]) => asked.length)).toEqual([2]);
    read.mockRestore();
  });
});
