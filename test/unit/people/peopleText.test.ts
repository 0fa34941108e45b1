import { describe, expect, it } from "vitest";
import { buildPeopleText, matchingEmails } from "../../../src/db/people/peopleText";
import type { IndexedChunk } from "../../../src/db/people/personIndex";

/** Chunks of search lines as a sync writes them: "folded email\tfolded name", or the email alone. */
function chunksOf(lines: string[], size: number): IndexedChunk[] {
  const chunks: IndexedChunk[] = [];
  for (let start = 0; start < lines.length; start += size) {
    const part = lines.slice(start, start + size);
    chunks.push({
      key: [1, start, "c", start + part.length, part.length],
      text: part.join("\n"),
      emails: part.map((line) => line.split("\t")[0]!),
      named: new Uint8Array(part.length),
    });
  }
  return chunks;
}

describe("the distinct search lines of the account", () => {
  // 30,000 sends of 12,000 people (several blocks of lines), each person's line two or three times.
  const lines = Array.from({ length: 30_000 }, (_, i) => {
    const n = (i * 7_919) % 12_000;
    return n % 4 === 0 ? `p${n}@example.org` : `p${n}@example.org\tname${n} smith${n % 97}`;
  });

  it("holds each line once", async () => {
    expect((await buildPeopleText(chunksOf(lines, 1_000))).lines).toBe(new Set(lines).size);
  });

  it("finds the emails of every line containing the text, as a line-by-line scan does", async () => {
    const text = await buildPeopleText(chunksOf(lines, 1_000));
    for (const query of ["smith42", "p119", "@example.org", "name1", "org\tname", "zzz", "p0@"]) {
      const expected = new Set(
        lines.filter((line) => line.includes(query)).map((line) => line.split("\t")[0]!),
      );
      expect(await matchingEmails(text, query), query).toEqual(expected);
    }
  });

  it("stops when cancelled", async () => {
    const text = await buildPeopleText(chunksOf(lines, 1_000));
    const controller = new AbortController();
    controller.abort(new DOMException("search replaced", "AbortError"));
    await expect(matchingEmails(text, "p1", controller.signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});
