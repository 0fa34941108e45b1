import { db } from "../db";
import { type ChunkKey, decodeRow, linesOf, type SendChunk, type SendText } from "../sendStore/chunk";
import { fullName } from "../sendStore/fold";
import type { ComparedPerson } from "./compare";
import { rowsAt } from "./rows";

/** One person of a comparison as shown and exported. */
export interface ComparedRow {
  /** As received (case kept). */
  email: string;
  firstName?: string;
  lastName?: string;
  contactId?: string;
  /** How many of the chosen lists they received. */
  lists: number;
}

function toRow(person: ComparedPerson, row: ReturnType<typeof decodeRow> | undefined): ComparedRow {
  const out: ComparedRow = { email: row?.email ?? person.folded, lists: person.lists };
  if (row?.firstName) out.firstName = row.firstName;
  if (row?.lastName) out.lastName = row.lastName;
  if (row) out.contactId = row.contactId;
  return out;
}

/** A page of an answer, as rows: only the chunks holding them are read. */
export async function comparedPage(people: readonly ComparedPerson[]): Promise<ComparedRow[]> {
  const rows = await rowsAt(people.map((p) => p.at));
  return people.map((person, i) => toRow(person, rows[i]));
}

export const displayName = (row: ComparedRow) => fullName(row.firstName, row.lastName);

const CHUNKS_PER_READ = 32;

/**
 * Every person of an answer as rows, in the answer's order, each chunk read once (an export of
 * 200,000 people touches the answer's chunks, not 200,000 places one by one).
 */
export async function allComparedRows(
  people: readonly ComparedPerson[],
  signal?: AbortSignal,
): Promise<ComparedRow[]> {
  const byChunk = new Map<ChunkKey, number[]>();
  people.forEach((person, i) => {
    const held = byChunk.get(person.at.key);
    if (held) held.push(i);
    else byChunk.set(person.at.key, [i]);
  });
  const out = new Array<ComparedRow>(people.length);
  const keys = [...byChunk.keys()];
  for (let start = 0; start < keys.length; start += CHUNKS_PER_READ) {
    signal?.throwIfAborted();
    const slice = keys.slice(start, start + CHUNKS_PER_READ);
    const [chunks, texts] = await Promise.all([db().sendChunks.bulkGet(slice), db().sendText.bulkGet(slice)]);
    slice.forEach((key, k) => {
      const chunk = chunks[k] as SendChunk | undefined;
      const text = texts[k] as SendText | undefined;
      const lines = chunk && text ? linesOf(text) : [];
      for (const i of byChunk.get(key) ?? []) {
        const person = people[i]!;
        out[i] = toRow(person, chunk ? decodeRow(chunk, lines, person.at.line) : undefined);
      }
    });
  }
  return out;
}
