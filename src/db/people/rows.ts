import { db } from "../db";
import { type ChunkKey, decodeRow, type SendChunk, type SendText, type TimedSend } from "../sendStore/chunk";

/** Where one send lies: its chunk and its line in it. */
export interface SendAt {
  key: ChunkKey;
  line: number;
}

const keyId = (key: ChunkKey) => key.join("\u0000");

/**
 * The rows at these places, read with one bulkGet per table for all the chunks they name (each
 * chunk once); a chunk's search text that `heldText` has (the person index holds the account's)
 * is not read again. A place whose chunk was rewritten since it was found gives undefined: the
 * live query that asked runs again once that write is committed.
 */
export async function rowsAt(
  places: readonly SendAt[],
  heldText: (key: ChunkKey) => string | undefined = () => undefined,
): Promise<(TimedSend | undefined)[]> {
  const keys = new Map<string, ChunkKey>();
  for (const place of places) keys.set(keyId(place.key), place.key);
  const unique = [...keys.values()];
  const known = unique.map(heldText);
  const unknown = unique.filter((_, i) => known[i] === undefined);
  const database = db();
  const [chunks, read] = await Promise.all([
    database.sendChunks.bulkGet(unique),
    unknown.length > 0 ? database.sendText.bulkGet(unknown) : Promise.resolve([]),
  ]);
  const readText = new Map(unknown.map((key, i) => [keyId(key), (read[i] as SendText | undefined)?.text]));
  const decoded = new Map<string, { chunk: SendChunk; lines: string[] }>();
  unique.forEach((key, i) => {
    const chunk = chunks[i] as SendChunk | undefined;
    const text = known[i] ?? readText.get(keyId(key));
    if (chunk && text !== undefined) decoded.set(keyId(key), { chunk, lines: text.split("\n") });
  });
  return places.map((place) => {
    const held = decoded.get(keyId(place.key));
    return held && place.line < held.chunk.rows ? decodeRow(held.chunk, held.lines, place.line) : undefined;
  });
}
