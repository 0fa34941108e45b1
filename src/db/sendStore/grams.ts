import type { Transaction } from "dexie";
import type { ChunkKey, SendText } from "./chunk";

/**
 * Which runs of four characters a chunk's search text holds, as a 65,536-bit map (8 KB a chunk,
 * 8 MB at a million sends), built in memory while the text is read in (textCache.ts). A search
 * for four characters or more scans only the chunks whose map holds every run of the query: a
 * chunk lacking one cannot contain it, so nothing is missed; a chunk holding them all by chance is
 * scanned as before. Four, not three: a chunk of 1,000 addresses holds nearly every run of three
 * digits, but only about a third of the runs of four, so one person's address (`name.surname1185509`)
 * leaves about one chunk in a hundred to scan instead of all of them.
 */
const BITS = 16;
const WORDS = 2 ** BITS / 32;

function gramAt(text: string, at: number): number {
  let h = text.charCodeAt(at);
  h = Math.imul(h, 31) + text.charCodeAt(at + 1);
  h = Math.imul(h, 31) + text.charCodeAt(at + 2);
  h = Math.imul(h, 31) + text.charCodeAt(at + 3);
  return Math.imul(h, 0x9e3779b1) >>> (32 - BITS);
}

/**
 * The map of every run of four characters in `text` (a chunk's folded lines). The same hash as
 * gramAt, rolled: each character is read once (a million sends' text is 40 million characters).
 */
export function gramsOfText(text: string): Uint32Array {
  const bits = new Uint32Array(WORDS);
  if (text.length < 4) return bits;
  let c0 = text.charCodeAt(0);
  let c1 = text.charCodeAt(1);
  let c2 = text.charCodeAt(2);
  for (let at = 3; at < text.length; at++) {
    const c3 = text.charCodeAt(at);
    const h = Math.imul(Math.imul(Math.imul(c0, 31) + c1, 31) + c2, 31) + c3;
    const gram = Math.imul(h, 0x9e3779b1) >>> (32 - BITS);
    bits[gram >>> 5]! |= 1 << (gram & 31);
    c0 = c1;
    c1 = c2;
    c2 = c3;
  }
  return bits;
}

/** The runs a (folded) query holds, or undefined when it is too short to rule a chunk out. */
export function gramsOfQuery(query: string): number[] | undefined {
  if (query.length < 4) return undefined;
  const grams = new Set<number>();
  for (let at = 0; at + 4 <= query.length; at++) grams.add(gramAt(query, at));
  return [...grams];
}

/** False only when the text cannot contain the query; true without a map. */
export function mayContain(bits: Uint32Array | undefined, query: readonly number[] | undefined): boolean {
  if (!bits || !query) return true;
  for (const gram of query) if ((bits[gram >>> 5]! & (1 << (gram & 31))) === 0) return false;
  return true;
}

/** A chunk's map as stored beside its text, under the same key (schema v4), written with it. */
export interface SendGrams {
  list: number;
  firstMs: number;
  firstId: string;
  lastMs: number;
  rows: number;
  bits: Uint32Array;
}

export function gramsOfChunkText(text: SendText): SendGrams {
  const { list, firstMs, firstId, lastMs, rows } = text;
  return { list, firstMs, firstId, lastMs, rows, bits: gramsOfText(text.text) };
}

/** Texts mapped per round trip by the v4 upgrade: the texts of a million sends are 40 MB. */
const UPGRADE_BATCH = 64;

/** Maps every chunk held (the v4 upgrade), inside its transaction. */
export async function mapEveryChunk(tx: Transaction): Promise<void> {
  const keys = (await tx.table("sendText").toCollection().primaryKeys()) as ChunkKey[];
  for (let at = 0; at < keys.length; at += UPGRADE_BATCH) {
    const texts = (await tx.table("sendText").bulkGet(keys.slice(at, at + UPGRADE_BATCH))) as SendText[];
    await tx.table("sendGrams").bulkAdd(texts.map(gramsOfChunkText));
  }
}
