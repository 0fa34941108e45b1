import { describe, expect, it } from "vitest";
import { DistinctLines, type SearchText } from "../../../src/db/people/distinctLines";
import { splitEmails } from "../../../src/db/people/emails";
import { hashOf, type IndexedChunk, indexedChunk, linesWithEmail } from "../../../src/db/people/indexedChunk";
import { matchingEmails } from "../../../src/db/people/textMatch";

/** A chunk as the person index holds it, from its lines ("folded email\tfolded name"). */
const chunkOf = (list: number, lines: readonly string[]): IndexedChunk =>
  indexedChunk([list, list, "c", list, lines.length], lines.join("\n"));

/** Every line of the texts, as many times as they hold it. */
function linesOf(texts: readonly SearchText[]): string[] {
  return texts.flatMap((segment) => {
    const lines = segment.text.split("\n");
    expect(lines.length).toBe(segment.starts.length);
    lines.forEach((line, i) => {
      expect(segment.text.startsWith(line, segment.starts[i])).toBe(true);
      expect(segment.hashes[i]).toBe(hashOf(line.split("\t")[0]!));
    });
    return lines;
  });
}

/** What the texts must hold: each distinct line of the chunks once, a line without a name as its email. */
function expectedLines(chunks: Iterable<IndexedChunk>): string[] {
  const lines = new Set<string>();
  for (const chunk of chunks) {
    for (const line of chunk.text.split("\n")) lines.add(line.endsWith("\t") ? line.slice(0, -1) : line);
  }
  return [...lines].sort();
}

function holding(chunks: readonly IndexedChunk[]): DistinctLines {
  const distinct = new DistinctLines();
  for (const [i, chunk] of chunks.entries()) distinct.add(String(i), chunk);
  return distinct;
}

// Two emails whose FNV-1a hashes are equal (-1143397886), and of equal length.
const [COLLIDING, OTHER] = ["76mmiq@example.org", "2391dx@example.org"];

/** A pool of lines that recur across chunks: names, no names, a second name for one email, a hash collision. */
function poolLine(n: number): string {
  if (n === 0) return `${COLLIDING}\t`;
  if (n === 1) return `${OTHER}\t`;
  if (n === 2) return `${COLLIDING}\tmaiden name`;
  const email = `person${n % 400}@example.${n % 3 === 0 ? "net" : "org"}`;
  return n % 5 === 0 ? `${email}\t` : `${email}\tfirst${n % 400} last${n % 13}`;
}

function randomChunks(count: number, seed: number): IndexedChunk[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, (_, c) =>
    chunkOf(
      c,
      Array.from({ length: 1 + Math.floor(next() * 300) }, () => poolLine(Math.floor(next() * 900))),
    ),
  );
}

describe("a chunk read into the index", () => {
  it("has each line's email, hash and name flag, as splitting its text does", () => {
    const lines = ["a@x.org\tann lee", "b@x.org\t", "c@x.org", "", "d@x.org\tx", "\tno email"];
    const chunk = chunkOf(1, lines);
    const split = splitEmails(lines.join("\n"));
    expect([...chunk.starts].map((start, i) => chunk.text.slice(start, chunk.emailEnds[i]))).toEqual(
      split.emails,
    );
    expect([...chunk.named]).toEqual([...split.named]);
    expect([...chunk.hashes]).toEqual(split.emails.map(hashOf));
  });
  it("reads every line whatever row count its key gives", () => {
    const text = ["a@x.org\tann lee", "b@x.org\t", "c@x.org", "", "d@x.org\tx"].join("\n");
    const right = indexedChunk([1, 1, "c", 1, 5], text);
    for (const rows of [0, 1, 3, 6, 1_000]) {
      const read = indexedChunk([1, 1, "c", 1, rows], text);
      expect([...read.starts], String(rows)).toEqual([...right.starts]);
      expect([...read.emailEnds], String(rows)).toEqual([...right.emailEnds]);
      expect([...read.named], String(rows)).toEqual([...right.named]);
      expect([...read.hashes], String(rows)).toEqual([...right.hashes]);
    }
    expect(right.starts.length).toBe(5);
  });

  it("finds each line of an email, not those of another email with the same hash", () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => poolLine(i % 7 === 0 ? i % 3 : 3 + i));
    const chunk = chunkOf(1, lines);
    for (const email of [COLLIDING, OTHER, "person17@example.org", "nobody@example.org"]) {
      const expected = lines.flatMap((line, i) => (line.split("\t")[0] === email ? [i] : []));
      const found = linesWithEmail(chunk, email, hashOf(email), [99]).sort((a, b) => a - b);
      expect(found, email).toEqual(expected);
    }
    expect(linesWithEmail(chunk, COLLIDING, hashOf(COLLIDING), []).length).toBeGreaterThan(1);
  });
});

describe("the distinct lines of the chunks held", () => {
  it("hold each line of the chunks once, colliding hashes and second names included", async () => {
    const chunks = randomChunks(40, 7);
    const distinct = holding(chunks);
    const lines = linesOf(await distinct.texts());
    expect(lines.sort()).toEqual(expectedLines(chunks));
    expect(lines).toContain(COLLIDING);
    expect(lines).toContain(OTHER);
    expect(lines).toContain(`${COLLIDING}\tmaiden name`);
    expect(distinct.size).toBe(lines.length);
  });

  it("tell apart a chunk's lines that follow an earlier chunk's but differ, or left with their sends", async () => {
    const [a, b, c] = ["a@x.org\tann", "b@x.org\tbo", "c@x.org\tcy"];
    const distinct = new DistinctLines();
    const held = new Map<string, IndexedChunk>();
    const add = (id: string, lines: string[]) => {
      held.set(id, chunkOf(held.size, lines));
      distinct.add(id, held.get(id)!);
    };
    // The same order, a line with the same hash and length in place of one (COLLIDING, OTHER).
    add("first", [a, `${COLLIDING}\t`, b, c]);
    add("second", [a, `${OTHER}\t`, b, "c@x.org\tcyd", c]);
    expect(linesOf(await distinct.texts()).sort()).toEqual(expectedLines(held.values()));
    // A line gone (b, number 1) whose old place in the text holds its text again, under number 2.
    const fresh = new DistinctLines();
    fresh.add("one", chunkOf(0, [a, b]));
    fresh.add("keep", chunkOf(1, [a]));
    await fresh.texts();
    fresh.remove("one");
    await fresh.texts();
    fresh.add("two", chunkOf(2, [b]));
    await fresh.texts();
    fresh.add("three", chunkOf(3, [a, b]));
    expect(linesOf(await fresh.texts()).sort()).toEqual([a, b]);
    expect(fresh.size).toBe(2);
  });

  it("count a chunk added twice once", async () => {
    const [chunk] = randomChunks(1, 3);
    const distinct = new DistinctLines();
    distinct.add("a", chunk!);
    distinct.add("a", chunk!);
    distinct.remove("a");
    expect(linesOf(await distinct.texts())).toEqual([]);
  });

  it("follow chunks added and removed in any order, a line leaving with its last send", async () => {
    const chunks = randomChunks(60, 11);
    const distinct = new DistinctLines();
    const held = new Map<string, IndexedChunk>();
    let state = 5;
    for (let step = 0; step < 200; step++) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const id = String(state % chunks.length);
      if (held.has(id) && state % 3 !== 0) {
        distinct.remove(id);
        held.delete(id);
      } else {
        distinct.add(id, chunks[Number(id)]!);
        held.set(id, chunks[Number(id)]!);
      }
      if (step % 20 === 0 || step === 199) {
        expect(linesOf(await distinct.texts()).sort(), `step ${step}`).toEqual(expectedLines(held.values()));
      }
    }
    for (const id of held.keys()) distinct.remove(id);
    expect(linesOf(await distinct.texts())).toEqual([]);
    expect(distinct.size).toBe(0);
  });

  it("find the same emails as a scan of every chunk", async () => {
    const chunks = randomChunks(30, 19);
    const distinct = holding(chunks);
    const texts = await distinct.texts();
    for (const query of ["person1", "last1", "maiden", "6mmiq", "@example.", "net\tfirst", ""]) {
      const everyLine = (await matchingEmails(chunks, query)).sort();
      const found = await matchingEmails(texts, query);
      expect(found.sort(), query).toEqual(everyLine);
    }
  });

  it("stop building their texts when cancelled, and build them whole on the next call", async () => {
    const chunks = randomChunks(200, 23);
    const distinct = holding(chunks);
    const controller = new AbortController();
    controller.abort(new DOMException("left People", "AbortError"));
    await expect(distinct.texts(controller.signal)).rejects.toMatchObject({ name: "AbortError" });
    expect(linesOf(await distinct.texts()).sort()).toEqual(expectedLines(chunks));
  });
});
