import { db } from "../db";
import { type ChunkKey, decodeRow, type SendChunk, type SendText, type TimedSend } from "../sendStore/chunk";
import { chunkId } from "./chunkKeys";

/** Where one send lies: its chunk and its line in it. */
export interface SendAt {
  key: ChunkKey;
  line: number;
}

/** Line `line` of a chunk's search text, if it holds one: a held line costs no read. */
export type HeldLine = (key: ChunkKey, line: number) => string | undefined;

/** Line `line` of a search text, found by walking its newlines: no split of the whole text. */
export function lineOfText(text: string, line: number): string | undefined {
  let start = 0;
  for (let n = 0; n < line; n++) {
    const newline = text.indexOf("\n", start);
    if (newline === -1) return undefined;
    start = newline + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end);
}

// A text read from disk is walked to each line wanted while few are; past this, split once.
const WALKS_PER_TEXT = 4;

/** Lines of a text read from disk, one at a time: walked to for the first few, then from one split. */
function readLines(text: string | undefined): ((line: number) => string | undefined) | undefined {
  if (text === undefined) return undefined;
  let walks = 0;
  let split: string[] | undefined;
  return (line) => {
    if (split === undefined && ++walks <= WALKS_PER_TEXT) return lineOfText(text, line);
    split ??= text.split("\n");
    return split[line];
  };
}

/** The row at `line` of `chunk`, its search line given: decodeRow reads only that line. */
function rowOf(chunk: SendChunk, line: number, text: string): TimedSend {
  const lines: string[] = [];
  lines[line] = text;
  return decodeRow(chunk, lines, line);
}

/**
 * The rows at these places, read with one bulkGet per table for all the chunks they name (each
 * chunk once); a line that `heldLine` gives (the person index holds the account's, and knows
 * where each starts) is not read again, and no text is split to read one line of it. A place
 * whose chunk was rewritten since it was found gives undefined: the live query that asked runs
 * again once that write is committed.
 */
export async function rowsAt(
  places: readonly SendAt[],
  heldLine: HeldLine = () => undefined,
): Promise<(TimedSend | undefined)[]> {
  const held = places.map((place) => heldLine(place.key, place.line));
  const keys = new Map<string, ChunkKey>();
  const unread = new Map<string, ChunkKey>();
  places.forEach((place, i) => {
    keys.set(chunkId(place.key), place.key);
    if (held[i] === undefined) unread.set(chunkId(place.key), place.key);
  });
  const unique = [...keys.values()];
  const unknown = [...unread.values()];
  const database = db();
  const [chunks, read] = await Promise.all([
    database.sendChunks.bulkGet(unique),
    unknown.length > 0 ? database.sendText.bulkGet(unknown) : Promise.resolve([]),
  ]);
  const chunkOf = new Map(unique.map((key, i) => [chunkId(key), chunks[i] as SendChunk | undefined]));
  const readText = new Map(
    unknown.map((key, i) => [chunkId(key), readLines((read[i] as SendText | undefined)?.text)]),
  );
  return places.map((place, i) => {
    const id = chunkId(place.key);
    const chunk = chunkOf.get(id);
    if (!chunk || place.line >= chunk.rows) return undefined;
    const text = held[i] ?? readText.get(id)?.(place.line);
    return text === undefined ? undefined : rowOf(chunk, place.line, text);
  });
}
