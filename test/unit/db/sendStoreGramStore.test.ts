import Dexie from "dexie";
import { describe, expect, it, vi } from "vitest";
import { db, MailroomDb, type Send, sendTables, storeSendPage, useDb } from "../../../src/db";
import { type ChunkKey, encodeChunk, type SendText, type TimedSend } from "../../../src/db/sendStore/chunk";
import { clearGramCache } from "../../../src/db/sendStore/gramStore";
import { gramsOfText, type SendGrams } from "../../../src/db/sendStore/grams";
import { dropDataset, findList } from "../../../src/db/sendStore/lists";
import { findMatches } from "../../../src/db/sendStore/search";
import { clearTextCache } from "../../../src/db/sendStore/textCache";
import { V1_STORES } from "../../support/v1Database";
import { freshDb } from "../sync/support/fakes";

// The chunks' four-character maps stored beside their texts (schema v4): in step with every write,
// built for a database of v3 on upgrade, and what spares a search reading texts.

const DS = "acc|v3|ca";
const OTHER = "acc|v3|cb";
const BASE = Date.UTC(2026, 0, 1);

function send(i: number, dataset = DS): Send {
  return {
    dataset,
    contactId: `c${String(i).padStart(6, "0")}`,
    email: `person${i}@example.org`,
    firstName: "Zoë",
    lastName: `Müller${i % 7}`,
    sentAt: new Date(BASE + Math.floor(i / 3) * 1000).toISOString(),
  };
}

const range = (from: number, to: number, dataset = DS) =>
  Array.from({ length: to - from }, (_, i) => send(from + i, dataset));
const store = (rows: Send[], dataset = DS) =>
  db().transaction("rw", sendTables(), async () => storeSendPage(dataset, rows));

/** Every stored text's key with its map rebuilt from it, and every stored map: they must agree. */
async function mapsAgainstTexts() {
  const texts = (await db().sendText.toArray()) as SendText[];
  const maps = (await db().sendGrams.toArray()) as SendGrams[];
  const keyOf = (row: { list: number; firstMs: number; firstId: string; lastMs: number; rows: number }) =>
    JSON.stringify([row.list, row.firstMs, row.firstId, row.lastMs, row.rows]);
  return {
    expected: new Map(texts.map((text) => [keyOf(text), Array.from(gramsOfText(text.text))])),
    stored: new Map(maps.map((map) => [keyOf(map), Array.from(map.bits)])),
  };
}

describe("the stored four-character maps", () => {
  it("are written with every chunk, rewritten with it, and dropped with its list", async () => {
    freshDb();
    // A first page, then pages that merge into, split and overlap the chunks already held.
    for (const page of [range(0, 1_500), range(1_500, 2_400), range(2_390, 2_700), range(10, 40)])
      await store(page);
    await store(range(0, 800, OTHER), OTHER);
    const { expected, stored } = await mapsAgainstTexts();
    expect(expected.size).toBeGreaterThanOrEqual(4);
    expect(stored).toEqual(expected);

    await db().transaction("rw", sendTables(), () => dropDataset(DS));
    const after = await mapsAgainstTexts();
    expect(after.stored).toEqual(after.expected);
    const other = await findList(OTHER);
    expect(after.stored.size).toBeGreaterThan(0);
    expect([...after.stored.keys()].every((key) => key.startsWith(`[${other},`))).toBe(true);
  });

  it("spare a search for one person the texts of the chunks that cannot hold them", async () => {
    freshDb();
    await store(range(0, 5_000));
    const list = (await findList(DS))!;
    clearTextCache();
    clearGramCache();
    const read = vi.spyOn(db().sendText, "bulkGet");
    const found = await findMatches(list, "person3217@");
    const keysRead = read.mock.calls.flatMap(([keys]) => keys as ChunkKey[]);
    read.mockRestore();
    expect(found.total).toBe(1);
    // Five chunks of 1,000: the maps leave the one holding the address (and rarely another).
    expect(keysRead.length).toBeGreaterThanOrEqual(1);
    expect(keysRead.length).toBeLessThan(3);
    const at = Date.parse(send(3217).sentAt);
    expect(keysRead.some((key) => key[1] <= at && key[3] >= at)).toBe(true);
  });

  it("rule nothing out where a chunk has no map: it is searched as before", async () => {
    freshDb();
    await store(range(0, 3_000));
    const list = (await findList(DS))!;
    await db().sendGrams.clear();
    clearTextCache();
    clearGramCache();
    const found = await findMatches(list, "person2999@");
    expect(found.total).toBe(1);
    expect((await findMatches(list, "müller3")).total).toBe(
      range(0, 3_000).filter((_, i) => i % 7 === 3).length,
    );
  });
});

describe("the v3 → v4 upgrade", () => {
  it("maps every chunk a v3 database holds, and the search finds by any part after it", async () => {
    const name = `test-${crypto.randomUUID()}`;
    // v3 as published: v1's tables, v2's send store, v3 without the v1 sends table.
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores({
      sendLists: "++id, &[dataset+copy], dataset, accountId",
      sendChunks: "[list+firstMs+firstId+lastMs+rows]",
      sendText: "[list+firstMs+firstId+lastMs+rows]",
    });
    v3.version(3).stores({ sends: null });
    const rows: TimedSend[] = range(0, 2_500).map((row) => ({
      ms: Date.parse(row.sentAt),
      sentAt: row.sentAt,
      contactId: row.contactId,
      email: row.email,
      firstName: row.firstName!,
      lastName: row.lastName!,
    }));
    const list = (await v3
      .table("sendLists")
      .add({ dataset: DS, accountId: "acc", copy: 0, stamp: 1 })) as number;
    for (const part of [rows.slice(0, 1_000), rows.slice(1_000, 2_000), rows.slice(2_000)]) {
      const { chunk, text } = encodeChunk(list, part);
      await v3.table("sendChunks").add(chunk);
      await v3.table("sendText").add(text);
    }
    v3.close();

    const database = useDb(new MailroomDb(name));
    await database.open();
    expect(database.verno).toBe(4);
    const { expected, stored } = await mapsAgainstTexts();
    expect(expected.size).toBe(3);
    expect(stored).toEqual(expected);
    clearTextCache();
    clearGramCache();
    expect((await findMatches(list, "ERSON1234@EXAMPLE")).total).toBe(1);
    expect((await findMatches(list, "muller6")).total).toBe(rows.filter((_, i) => i % 7 === 6).length);
    database.close();
  });
});
