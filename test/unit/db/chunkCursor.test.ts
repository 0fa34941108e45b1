import { beforeEach, describe, expect, it, vi } from "vitest";
import { isAbort, toMailroomError } from "../../../src/core/errors";
import { db } from "../../../src/db";
import { type ChunkKey, encodeChunk, keyOfChunk, type TimedSend } from "../../../src/db/sendStore/chunk";
import { readChunkPairs } from "../../../src/db/sendStore/chunkCursor";

const LIST = 3;

function rowsFrom(startMs: number, count: number): TimedSend[] {
  return Array.from({ length: count }, (_, i) => ({
    ms: startMs + i,
    sentAt: new Date(startMs + i).toISOString(),
    contactId: `c${startMs + i}`,
    email: `p${startMs + i}@x.test`,
  }));
}

/** Stores chunks of 10 rows starting at each of `starts` (ms), in list `list`; their keys in order. */
async function store(starts: number[], list = LIST): Promise<ChunkKey[]> {
  const encoded = starts.map((start) => encodeChunk(list, rowsFrom(start, 10)));
  await db().sendChunks.bulkPut(encoded.map(({ chunk }) => chunk));
  await db().sendText.bulkPut(encoded.map(({ text }) => text));
  return encoded.map(({ chunk }) => keyOfChunk(chunk));
}

/** Reads `keys`, noting each pair's first ms and whether its text is the chunk's own. */
async function read(keys: ChunkKey[]): Promise<{ missing: number; firsts: number[] }> {
  const firsts: number[] = [];
  const missing = await readChunkPairs(keys, (chunk, text) => {
    expect(keyOfChunk(text)).toEqual(keyOfChunk(chunk));
    firsts.push(chunk.firstMs);
  });
  return { missing, firsts };
}

describe("reading chunks and their texts by cursor", () => {
  beforeEach(async () => {
    await db().sendChunks.clear();
    await db().sendText.clear();
  });

  it("hands over every pair in key order, ascending or descending, and only those asked", async () => {
    const keys = await store([100, 200, 300, 400, 500]);
    await store([150], LIST + 1);
    expect(await read(keys.slice(1, 4))).toEqual({ missing: -1, firsts: [200, 300, 400] });
    expect(await read(keys.slice(0, 4).reverse())).toEqual({ missing: -1, firsts: [400, 300, 200, 100] });
    expect(await read([])).toEqual({ missing: -1, firsts: [] });
  });

  it("steps over a chunk stored between two asked keys", async () => {
    const keys = await store([100, 300, 500]);
    await store([200, 400]);
    expect(await read(keys)).toEqual({ missing: -1, firsts: [100, 300, 500] });
    expect(await read([...keys].reverse())).toEqual({ missing: -1, firsts: [500, 300, 100] });
  });

  it("stops at the first chunk gone, after handing over those before it", async () => {
    const keys = await store([100, 200, 300, 400]);
    await db().sendChunks.delete(keys[2] as ChunkKey);
    expect(await read(keys)).toEqual({ missing: 2, firsts: [100, 200] });
    expect(await read([...keys].reverse())).toEqual({ missing: 1, firsts: [400] });
  });

  it("counts a chunk whose text is missing (a write not finished) as gone, also at the end", async () => {
    const keys = await store([100, 200, 300]);
    await db().sendText.delete(keys[1] as ChunkKey);
    expect(await read(keys)).toEqual({ missing: 1, firsts: [100] });
    await db().sendText.delete(keys[2] as ChunkKey);
    expect(await read(keys.slice(2))).toEqual({ missing: 0, firsts: [] });
  });

  it("rejects with what `use` threw, and a later read still works", async () => {
    const keys = await store([100, 200, 300]);
    let calls = 0;
    const failing = readChunkPairs(keys, () => {
      calls++;
      if (calls === 2) throw new RangeError("the sink is full");
    });
    await expect(failing).rejects.toThrow(new RangeError("the sink is full"));
    expect(calls).toBe(2);
    expect(await read(keys)).toEqual({ missing: -1, firsts: [100, 200, 300] });
  });

  it("reports a read the browser cut off as a storage failure, not as the user's Cancel", async () => {
    const keys = await store([100, 200, 300]);
    const transaction = IDBDatabase.prototype.transaction;
    let opened: IDBTransaction | undefined;
    vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase["transaction"]>
    ) {
      opened = transaction.apply(this, args);
      return opened;
    });
    const firsts: number[] = [];
    const reading = readChunkPairs(keys, (chunk) => {
      firsts.push(chunk.firstMs);
      // As a closing connection does: the transaction ends between two events.
      queueMicrotask(() => opened?.abort());
    });
    const error = await reading.catch((caught: unknown) => caught);
    vi.restoreAllMocks();
    expect(firsts).toEqual([100]);
    expect(isAbort(error)).toBe(false);
    expect(toMailroomError(error).kind).toBe("storage");
    expect(await read(keys)).toEqual({ missing: -1, firsts: [100, 200, 300] });
  });
});
