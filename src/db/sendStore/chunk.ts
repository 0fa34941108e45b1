import type { Send } from "../types";
import { type PackedIds, packIds, unpackId } from "./contactIds";
import { foldText, fullName } from "./fold";

/**
 * A send list is stored as chunks of up to MAX_CHUNK_ROWS sends in time order, not a row per send:
 * IndexedDB's cost per row (key, index entries, bookkeeping) dwarfed the send itself. A chunk's key
 * says which list it belongs to (a small number, see lists.ts), the time and contact of its first
 * row, its last time and its size, so counts, time windows and the order of chunks come from keys
 * alone, without reading a row. Chunks of one list never overlap in time, except that two
 * neighbours may share one millisecond (the second then starts with a larger contact id), so the
 * key order is the rows' order.
 */
export type ChunkKey = [list: number, firstMs: number, firstId: string, lastMs: number, rows: number];

export const MAX_CHUNK_ROWS = 1_000;

interface ChunkHead {
  list: number;
  firstMs: number;
  firstId: string;
  lastMs: number;
  rows: number;
}

/** The rows of a chunk, column by column (names and ids dominate; no field name per row). */
export interface SendChunk extends ChunkHead {
  /** Milliseconds after firstMs, row by row, ascending. */
  offsets: Uint32Array | Float64Array;
  ids: PackedIds;
  /** "first\tlast" row by row; absent when no row has a name (v2). */
  names?: string[];
  /** Row → [first, last] as received, where a tab in them made `names` show it as a space. */
  tabbedNames?: Record<number, [string, string]>;
  /** Row → the email as received, where it is not the folded email of the row's text line. */
  emails?: Record<number, string>;
  /** Row → v3 `deleted_at`. */
  deleted?: Record<number, string>;
}

/**
 * The search text of a chunk, kept apart from its rows so a search reads only this: one line a
 * row, "folded email\tfolded name", lines joined by "\n". The email of a row is read from here.
 */
export interface SendText extends ChunkHead {
  text: string;
}

/** One send as stored, without what its list already says (dataset, campaign) or its search text. */
export type StoredSend = Omit<Send, "dataset" | "campaignId" | "campaignActivityId" | "text">;

/** A stored send with its time as a number: the order of a list is (ms, contactId). */
export interface TimedSend extends StoredSend {
  ms: number;
}

export function compareSends(
  a: { ms: number; contactId: string },
  b: { ms: number; contactId: string },
): number {
  return a.ms - b.ms || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0);
}

export function keyOfChunk(head: ChunkHead): ChunkKey {
  return [head.list, head.firstMs, head.firstId, head.lastMs, head.rows];
}

export function headOfKey(key: ChunkKey): ChunkHead {
  const [list, firstMs, firstId, lastMs, rows] = key;
  return { list, firstMs, firstId, lastMs, rows };
}

/** `rows` sorted by compareSends, without two of the same (ms, contactId). */
export function encodeChunk(list: number, rows: readonly TimedSend[]): { chunk: SendChunk; text: SendText } {
  const oldest = rows[0];
  const newest = rows[rows.length - 1];
  if (!oldest || !newest) throw new Error("A chunk holds at least one send");
  const head: ChunkHead = {
    list,
    firstMs: oldest.ms,
    firstId: oldest.contactId,
    lastMs: newest.ms,
    rows: rows.length,
  };
  const span = newest.ms - oldest.ms;
  const offsets = span < 2 ** 32 ? new Uint32Array(rows.length) : new Float64Array(rows.length);
  const lines: string[] = [];
  const names: string[] = [];
  const emails: Record<number, string> = {};
  const deleted: Record<number, string> = {};
  const tabbedNames: Record<number, [string, string]> = {};
  let named = false;
  rows.forEach((row, i) => {
    offsets[i] = row.ms - oldest.ms;
    const folded = foldText(row.email);
    if (folded !== row.email) emails[i] = row.email;
    if (row.deletedAt !== undefined) deleted[i] = row.deletedAt;
    // A tab would split the stored name in two places: `names` holds it as a space...
    const first = (row.firstName ?? "").replaceAll("\t", " ");
    const last = (row.lastName ?? "").replaceAll("\t", " ");
    // ...and kept as received beside it, so an export writes the name it was given.
    if (`${row.firstName ?? ""}${row.lastName ?? ""}`.includes("\t"))
      tabbedNames[i] = [row.firstName ?? "", row.lastName ?? ""];
    if (first !== "" || last !== "") named = true;
    names.push(first === "" && last === "" ? "" : `${first}\t${last}`);
    lines.push(`${folded}\t${foldText(fullName(row.firstName, row.lastName))}`);
  });
  const chunk: SendChunk = { ...head, offsets, ids: packIds(rows.map((row) => row.contactId)) };
  if (named) chunk.names = names;
  if (Object.keys(emails).length > 0) chunk.emails = emails;
  if (Object.keys(deleted).length > 0) chunk.deleted = deleted;
  if (Object.keys(tabbedNames).length > 0) chunk.tabbedNames = tabbedNames;
  return { chunk, text: { ...head, text: lines.join("\n") } };
}

/** The lines of a chunk's text, row by row. */
export function linesOf(text: SendText): string[] {
  return text.text.split("\n");
}

/** Row `i` of a chunk; `lines` from linesOf(text). */
export function decodeRow(chunk: SendChunk, lines: readonly string[], i: number): TimedSend {
  const ms = chunk.firstMs + (chunk.offsets[i] ?? 0);
  const line = lines[i] ?? "";
  const send: TimedSend = {
    ms,
    sentAt: new Date(ms).toISOString(),
    contactId: unpackId(chunk.ids, i),
    email: chunk.emails?.[i] ?? line.slice(0, line.indexOf("\t")),
  };
  const name = chunk.names?.[i];
  if (name) {
    const [firstName, lastName] = chunk.tabbedNames?.[i] ?? name.split("\t");
    if (firstName) send.firstName = firstName;
    if (lastName) send.lastName = lastName;
  }
  const deletedAt = chunk.deleted?.[i];
  if (deletedAt !== undefined) send.deletedAt = deletedAt;
  return send;
}

export function decodeChunk(chunk: SendChunk, text: SendText): TimedSend[] {
  const lines = linesOf(text);
  return Array.from({ length: chunk.rows }, (_, i) => decodeRow(chunk, lines, i));
}

/** Sorted by compareSends with one row per (ms, contactId); a later row replaces an earlier one. */
export function sortUnique(rows: readonly TimedSend[]): TimedSend[] {
  const sorted = [...rows].sort(compareSends);
  const unique: TimedSend[] = [];
  for (const row of sorted) {
    const previous = unique[unique.length - 1];
    if (previous && compareSends(previous, row) === 0) unique[unique.length - 1] = row;
    else unique.push(row);
  }
  return unique;
}
