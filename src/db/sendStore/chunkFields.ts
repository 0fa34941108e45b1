import type { SendChunk } from "./chunk";

/**
 * The fields of one row of a chunk, read straight from its columns, as chunk.ts's decodeRow reads
 * them, for a writer that wants a field at a time instead of a TimedSend per row (the export).
 */

/** The email as received: the row's own where kept apart, else the search line's first field. */
export function emailAt(chunk: SendChunk, lines: readonly string[], i: number): string {
  const kept = chunk.emails?.[i];
  if (kept !== undefined) return kept;
  const line = lines[i] ?? "";
  return line.slice(0, line.indexOf("\t"));
}

/** The first name as received; "" when the row has none. */
export function firstNameAt(chunk: SendChunk, i: number): string {
  const name = chunk.names?.[i];
  if (!name) return "";
  const tabbed = chunk.tabbedNames?.[i];
  if (tabbed) return tabbed[0] || "";
  // Written as "first\tlast" (encodeChunk): what split("\t") gives first.
  const tab = name.indexOf("\t");
  return tab === -1 ? name : name.slice(0, tab);
}

/** The last name as received; "" when the row has none. */
export function lastNameAt(chunk: SendChunk, i: number): string {
  const name = chunk.names?.[i];
  if (!name) return "";
  const tabbed = chunk.tabbedNames?.[i];
  if (tabbed) return tabbed[1] || "";
  const tab = name.indexOf("\t");
  if (tab === -1) return "";
  const next = name.indexOf("\t", tab + 1);
  return name.slice(tab + 1, next === -1 ? name.length : next);
}

/** Byte b's two lower-case hex digits, as character codes, at 2b and 2b + 1. */
const HEX_CODES = /* @__PURE__ */ Uint8Array.from({ length: 512 }, (_, i) =>
  (i >> 1)
    .toString(16)
    .padStart(2, "0")
    .charCodeAt(i & 1),
);
/** A UUID's length as text: row r's id is codes UUID_LENGTH * r to UUID_LENGTH * (r + 1). */
export const UUID_LENGTH = 36;

/**
 * The packed contact ids of a chunk (contactIds.ts) as the character codes of their text, row by
 * row, UUID_LENGTH a row, written out at once: a writer copies them where they go instead of
 * making a string per id. Rows whose id is kept as text (chunk.ids.text) have zeros' digits here;
 * undefined when the chunk packs no id.
 */
export function contactIdCodesOf(chunk: SendChunk): Uint8Array | undefined {
  const bytes = chunk.ids.uuids;
  if (!bytes) return undefined;
  const codes = new Uint8Array(chunk.rows * UUID_LENGTH);
  for (let row = 0, at = 0; row < chunk.rows; row++) {
    for (let b = 0; b < 16; b++) {
      const byte = bytes[row * 16 + b]!;
      codes[at++] = HEX_CODES[2 * byte]!;
      codes[at++] = HEX_CODES[2 * byte + 1]!;
      if (b === 3 || b === 5 || b === 7 || b === 9) codes[at++] = 45; // "-"
    }
  }
  return codes;
}
