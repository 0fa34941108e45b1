/**
 * Contact ids packed for storage. v3 ids are UUIDs: 36 characters as text, 16 bytes packed, which
 * is a third of a stored send's budget. Any id that is not a lower-case UUID (v2's numbers, or an
 * id we did not expect) is kept as it is, so packing never changes an id.
 */
export interface PackedIds {
  /** 16 bytes a row; rows whose id is kept as text have zeros here. */
  uuids?: Uint8Array;
  /** Row index → id, for ids that are not lower-case UUIDs. */
  text?: Record<number, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
/** Where the dashes go, counted in bytes: 8-4-4-4-12 hex digits. */
const DASH_AFTER = /* @__PURE__ */ new Set([3, 5, 7, 9]);

export function packIds(ids: readonly string[]): PackedIds {
  const uuidCount = ids.reduce((n, id) => n + (UUID.test(id) ? 1 : 0), 0);
  if (uuidCount === 0) return { text: Object.fromEntries(ids.map((id, i) => [i, id])) };
  const uuids = new Uint8Array(ids.length * 16);
  const text: Record<number, string> = {};
  ids.forEach((id, row) => {
    if (!UUID.test(id)) {
      text[row] = id;
      return;
    }
    const hex = id.replaceAll("-", "");
    for (let b = 0; b < 16; b++) uuids[row * 16 + b] = Number.parseInt(hex.slice(b * 2, b * 2 + 2), 16);
  });
  return Object.keys(text).length > 0 ? { uuids, text } : { uuids };
}

export function unpackId(packed: PackedIds, row: number): string {
  const kept = packed.text?.[row];
  if (kept !== undefined) return kept;
  const bytes = packed.uuids;
  if (!bytes) throw new Error(`Stored send ${row} has no contact id`);
  let id = "";
  for (let b = 0; b < 16; b++) {
    id += HEX[bytes[row * 16 + b]!];
    if (DASH_AFTER.has(b)) id += "-";
  }
  return id;
}
