import type { ChunkKey } from "../sendStore/chunk";
import { ChunkCache } from "../sendStore/chunkCache";

/**
 * The folded email of each line of a chunk's search text, and whether the line has a name: what
 * every comparison of lists reads, row by row. Split once per chunk and kept (a chunk's content
 * never changes under its key, see textCache.ts), so a second comparison does not cut a million
 * lines again. (The person index holds no string a line: see indexedChunk.ts.)
 */
export interface ChunkEmails {
  emails: string[];
  /** 1 where the row has a name (v3 rows usually, v2 rows never). */
  named: Uint8Array;
}

/** Up to four million lines held. */
const cache = new ChunkCache<ChunkEmails>({ limit: 4_000_000, size: (held) => held.emails.length });

export function splitEmails(text: string): ChunkEmails {
  const lines = text.split("\n");
  const emails = new Array<string>(lines.length);
  const named = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf("\t");
    emails[i] = tab === -1 ? line : line.slice(0, tab);
    named[i] = tab !== -1 && tab < line.length - 1 ? 1 : 0;
  }
  return { emails, named };
}

/** The lines of the chunk `key` whose search text is `text`, from memory when split before. */
export function emailsOf(key: ChunkKey, text: string): ChunkEmails {
  const held = cache.get(key);
  if (held) return held;
  const split = splitEmails(text);
  cache.set(key, split);
  return split;
}

/** For tests: forget everything. */
export function clearEmailCache(): void {
  cache.clear();
}
