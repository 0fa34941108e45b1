import { describe, expect, it } from "vitest";
import { listsWithKeys } from "../../../src/db/people/chunkKeys";
import { hashOf, type IndexedChunk, PersonIndex } from "../../../src/db/people/personIndex";
import { matchingEmails } from "../../../src/db/people/textMatch";
import { putSends } from "../../support/sends";
import { freshDb } from "../sync/support/fakes";

// 4,000 sends of 1,500 people in one list (four chunks), some without a name (v2-like lines).
const rows = Array.from({ length: 4_000 }, (_, i) => {
  const n = (i * 7_919) % 1_500;
  return {
    dataset: "acc|v3|act-1",
    contactId: `c-${String(i).padStart(5, "0")}`,
    email: `p${n}@example.org`,
    sentAt: new Date(Date.UTC(2026, 0, 1) + i * 1_000).toISOString(),
    ...(n % 4 === 0 ? {} : { firstName: `Name${n}`, lastName: `Smith${n % 97}` }),
  };
});

async function indexed(): Promise<IndexedChunk[]> {
  freshDb();
  await putSends(rows);
  const index = new PersonIndex();
  await index.update((await listsWithKeys("acc")).keys);
  return [...index.chunks()];
}

const lineOf = (row: (typeof rows)[number]) =>
  `${row.email}\t${row.firstName ? `${row.firstName} ${row.lastName}`.toLowerCase() : ""}`;

describe("matching the index's search texts", () => {
  it("finds the emails of every line containing the text, as a plain scan of the rows does", async () => {
    const chunks = await indexed();
    expect(chunks.length).toBeGreaterThan(2);
    for (const query of ["smith42", "p119", "@example.org", "name1", "p0@", "zzz", ""]) {
      const expected = new Set(rows.filter((row) => lineOf(row).includes(query)).map((row) => row.email));
      const found = await matchingEmails(chunks, query);
      expect(new Set(found), query).toEqual(expected);
      expect(found.length, `${query}: each email once`).toBe(expected.size);
    }
  });

  it("finds a person through their index entry, and nobody for an email they do not have", async () => {
    const index = new PersonIndex();
    freshDb();
    await putSends(rows);
    await index.update((await listsWithKeys("acc")).keys);
    const found = await index.placesOf(new Set(["p7@example.org", "p7@example", "nobody@example.org"]));
    expect([...found.keys()]).toEqual(["p7@example.org"]);
    expect(found.get("p7@example.org")!.length).toBe(
      rows.filter((row) => row.email === "p7@example.org").length,
    );
  });

  it("stops when cancelled", async () => {
    const chunks = await indexed();
    const controller = new AbortController();
    controller.abort(new DOMException("search replaced", "AbortError"));
    await expect(matchingEmails(chunks, "p1", controller.signal)).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("two emails with the same hash", () => {
  // FNV-1a gives both -1143397886: the email itself must tell them apart.
  const [one, other] = ["76mmiq@example.org", "2391dx@example.org"];

  it("are two people, in a search and in a lookup", async () => {
    expect(hashOf(one)).toBe(hashOf(other));
    freshDb();
    await putSends(
      [one, other, one].map((email, i) => ({
        dataset: "acc|v3|act-1",
        contactId: `c-${i}`,
        email,
        sentAt: new Date(Date.UTC(2026, 0, 1) + i * 1_000).toISOString(),
      })),
    );
    const index = new PersonIndex();
    await index.update((await listsWithKeys("acc")).keys);
    expect((await matchingEmails(index.chunks(), "@example.org")).sort()).toEqual([other, one].sort());
    const found = await index.placesOf(new Set([one]));
    expect([...found.keys()]).toEqual([one]);
    expect(found.get(one)!.map((place) => place.line)).toEqual([0, 2]);
  });
});
