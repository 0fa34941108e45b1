import { describe, expect, it, vi } from "vitest";
import { db, type Send, sendTables, storeSendPage } from "../../../src/db";
import type { ChunkKey } from "../../../src/db/sendStore/chunk";
import { clearGramCache, gramsOf } from "../../../src/db/sendStore/gramStore";
import { findList } from "../../../src/db/sendStore/lists";
import { chunkKeysIn } from "../../../src/db/sendStore/read";
import { asSearch, searchesDone } from "../../../src/db/sendStore/searchGate";
import { clearTextCache, warmTexts } from "../../../src/db/sendStore/textCache";
import { freshDb } from "../sync/support/fakes";

const DS = "acc|v3|ca";
const BASE = Date.UTC(2026, 0, 1);
const range = (from: number, to: number): Send[] =>
  Array.from({ length: to - from }, (_, i) => ({
    dataset: DS,
    contactId: `c${String(from + i).padStart(6, "0")}`,
    email: `person${from + i}@example.org`,
    sentAt: new Date(BASE + (from + i) * 1000).toISOString(),
  }));

/** A search that runs until `finish` is called. */
function heldSearch() {
  let finish!: () => void;
  const done = asSearch(() => new Promise<void>((resolve) => (finish = resolve)));
  return { finish, done };
}

const settled = async (promise: Promise<unknown>) => {
  let over = false;
  void promise.then(() => (over = true));
  // Enough turns for any chain of resolved promises behind it.
  for (let i = 0; i < 20; i++) await Promise.resolve();
  return over;
};

describe("the search gate", () => {
  it("holds searchesDone until every overlapping search has ended", async () => {
    expect(await settled(searchesDone())).toBe(true);
    const first = heldSearch();
    const second = heldSearch();
    const waiting = searchesDone();
    first.finish();
    await first.done;
    expect(await settled(waiting)).toBe(false);
    second.finish();
    await second.done;
    expect(await settled(waiting)).toBe(true);
  });

  it("ends a failing search too", async () => {
    await expect(asSearch(() => Promise.reject(new Error("disk")))).rejects.toThrow("disk");
    expect(await settled(searchesDone())).toBe(true);
  });

  it("keeps the warm-up from reading while a search runs, and lets it go after", async () => {
    freshDb();
    await db().transaction("rw", sendTables(), async () => storeSendPage(DS, range(0, 3_000)));
    const keys = await chunkKeysIn((await findList(DS))!);
    clearTextCache();
    clearGramCache();
    const maps = vi.spyOn(db().sendGrams, "bulkGet");
    const texts = vi.spyOn(db().sendText, "bulkGet");
    const search = heldSearch();
    const warm = warmTexts(keys);
    expect(await settled(warm)).toBe(false);
    expect(maps).not.toHaveBeenCalled();
    expect(texts).not.toHaveBeenCalled();
    search.finish();
    await warm;
    expect(texts.mock.calls.flatMap(([read]) => read as ChunkKey[])).toHaveLength(keys.length);
    maps.mockRestore();
    texts.mockRestore();
  });
});

describe("the maps' reads", () => {
  it("are shared by callers asking at once, not made twice", async () => {
    freshDb();
    await db().transaction("rw", sendTables(), async () => storeSendPage(DS, range(0, 2_500)));
    const keys = await chunkKeysIn((await findList(DS))!);
    clearGramCache();
    const maps = vi.spyOn(db().sendGrams, "bulkGet");
    const [a, b] = await Promise.all([gramsOf(keys), gramsOf(keys)]);
    expect(maps).toHaveBeenCalledTimes(1);
    expect(a).toHaveLength(keys.length);
    expect(a.every((bits) => bits?.length === 2_048)).toBe(true);
    expect(b).toEqual(a);
    maps.mockRestore();
  });
});
