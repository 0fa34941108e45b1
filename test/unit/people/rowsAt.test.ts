import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, type Send } from "../../../src/db";
import { PersonIndex } from "../../../src/db/people/personIndex";
import { lineOfText, rowsAt, type SendAt } from "../../../src/db/people/rows";
import { searchPeople } from "../../../src/db/people/search";
import { type ChunkKey, decodeChunk, type SendChunk, type SendText } from "../../../src/db/sendStore/chunk";
import { putSends } from "../../support/sends";
import { freshDb } from "../sync/support/fakes";

// Rows read one line at a time (where the index says the line starts) must be the rows a decode
// of the whole chunk gives: names with tabs, accents, capitals, v2 rows without names, deletions,
// the first and last line of chunks (2,300 sends: three chunks for the v3 list; the v2 list
// holds people 1,800 to 2,399, the last hundred in no v3 list).
const ACC = "rows";
const V3 = `${ACC}|v3|act-rows`;
const V2 = `${ACC}|v2|3300`;
const T0 = Date.UTC(2026, 2, 1, 8);

function sendOf(dataset: string, i: number): Send {
  const v2 = dataset === V2;
  const row: Send = {
    dataset,
    contactId: v2 ? String(50_000 + i) : `c-${String(i).padStart(6, "0")}`,
    email: i % 4 === 0 ? `José.Núñez${i}@Example.ES` : `person${i}@example.org`,
    sentAt: new Date(T0 + (v2 ? 3_600_000 : 0) + i * 1_000).toISOString(),
  };
  if (!v2) {
    row.firstName = i % 3 === 0 ? "Mary\tAnn" : i % 3 === 1 ? "Zoë" : "";
    row.lastName = i % 5 === 0 ? "O'Neil\tSmith" : i % 11 === 0 ? "" : "Brontë";
  }
  if (i % 7 === 0) row.deletedAt = new Date(T0 + 86_400_000).toISOString();
  return row;
}

beforeEach(async () => {
  freshDb();
  await putSends([
    ...Array.from({ length: 2_300 }, (_, i) => sendOf(V3, i)),
    ...Array.from({ length: 600 }, (_, i) => sendOf(V2, 1_800 + i)),
  ]);
});

/** Every place of every stored chunk with the row a decode of the whole chunk gives there. */
async function everyRow() {
  const database = db();
  const keys = (await database.sendChunks.toCollection().primaryKeys()) as unknown as ChunkKey[];
  const [chunks, texts] = await Promise.all([
    database.sendChunks.bulkGet(keys),
    database.sendText.bulkGet(keys),
  ]);
  const places: SendAt[] = [];
  const rows = keys.flatMap((key, c) =>
    decodeChunk(chunks[c] as SendChunk, texts[c] as SendText).map((row, line) => {
      places.push({ key, line });
      return row;
    }),
  );
  return { keys, places, rows };
}

describe("rows read at their places", () => {
  it("are the rows of the whole chunk, read from disk or from the lines the index holds", async () => {
    const { keys, places, rows } = await everyRow();
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((row) => row.firstName === "Mary\tAnn" && row.lastName === "O'Neil\tSmith")).toBe(true);
    expect(await rowsAt(places)).toEqual(rows);
    // A few places a chunk (each text walked to its lines, not split).
    const few = places.flatMap((_, i) => (i % 400 === 7 || i % 400 === 399 ? [i] : []));
    expect(await rowsAt(few.map((i) => places[i]!))).toEqual(few.map((i) => rows[i]));
    const index = new PersonIndex();
    await index.update(keys);
    const texts = vi.spyOn(db().sendText, "bulkGet");
    // In reverse, so no read depends on places coming in line order.
    const backwards = [...places].reverse();
    expect(await rowsAt(backwards, (key, line) => index.lineOf(key, line))).toEqual([...rows].reverse());
    expect(texts).not.toHaveBeenCalled();
  });

  it("are undefined past a chunk's last line", async () => {
    const { places } = await everyRow();
    const last = places.at(-1)!;
    expect(await rowsAt([{ key: last.key, line: last.line + 1 }])).toEqual([undefined]);
    expect(lineOfText("a\tb\nc\td", 1)).toBe("c\td");
    expect(lineOfText("a\tb\nc\td", 2)).toBeUndefined();
  });
});

describe("the people a search finds", () => {
  it("have their name as received (tabs kept), their address as received and their newest send", async () => {
    const found = await searchPeople(ACC, "maryann o'neil", { limit: 25 });
    // i divisible by 15: Mary\tAnn O'Neil\tSmith; folded, the tabs go.
    expect(found.total).toBe(Math.ceil(2_300 / 15));
    expect(found.people.find((p) => p.folded === "jose.nunez1800@example.es")).toEqual({
      email: "José.Núñez1800@Example.ES",
      folded: "jose.nunez1800@example.es",
      name: "Mary\tAnn O'Neil\tSmith",
      lists: 2,
      // The v2 send (an hour later, no name) is the newest; the name comes from the v3 send.
      lastSentAt: new Date(T0 + 3_600_000 + 1_800_000).toISOString(),
    });
    expect(found.people.find((p) => p.folded === "jose.nunez0@example.es")).toMatchObject({
      email: "José.Núñez0@Example.ES",
      lists: 1,
      lastSentAt: new Date(T0).toISOString(),
    });
  });

  it("name nobody whose every send comes from a list without names", async () => {
    const found = await searchPeople(ACC, "person2301@", { limit: 25 });
    expect(found.people).toEqual([
      {
        email: "person2301@example.org",
        folded: "person2301@example.org",
        lists: 1,
        lastSentAt: new Date(T0 + 3_600_000 + 2_301_000).toISOString(),
      },
    ]);
  });
});
