import { db } from "../db";
import {
  type ChunkKey,
  decodeRow,
  linesOf,
  type SendChunk,
  type SendText,
  type TimedSend,
} from "../sendStore/chunk";

/** Where one send lies: its chunk and its line in it. */
export interface SendAt {
  key: ChunkKey;
  line: number;
}

const keyId = (key: ChunkKey) => key.join("\u0000");

/**
 * The rows at these places, read with one bulkGet per table for all the chunks they name (each
 * chunk once). A place whose chunk was rewritten since it was found gives undefined: the live
 * query that asked runs again once that write is committed.
 */
export async function rowsAt(places: readonly SendAt[]): Promise<(TimedSend | undefined)[]> {
  const keys = new Map<string, ChunkKey>();
  for (const place of places) keys.set(keyId(place.key), place.key);
  const unique = [...keys.values()];
  const database = db();
  const [chunks, texts] = await Promise.all([
    database.sendChunks.bulkGet(unique),
    database.sendText.bulkGet(unique),
  ]);
  const decoded = new Map<string, { chunk: SendChunk; lines: string[] }>();
  unique.forEach((key, i) => {
    const chunk = chunks[i] as SendChunk | undefined;
    const text = texts[i] as SendText | undefined;
    if (chunk && text) decoded.set(keyId(key), { chunk, lines: linesOf(text) });
  });
  return places.map((place) => {
    const held = decoded.get(keyId(place.key));
    return held && place.line < held.chunk.rows ? decodeRow(held.chunk, held.lines, place.line) : undefined;
  });
}
