// Opaque paging cursors. Each carries everything needed to produce the next page directly (which
// rows, filters, page size), so page N of a 1M-row list costs the same as page 1 and no server
// state is kept between requests. A tag guards against cursors made for another list. Cursor
// values are ASCII only (ids, numbers, validated filter values).

export type Cursor = Record<string, string | number>;

export function encodeCursor(tag: string, cursor: Cursor): string {
  const text = JSON.stringify({ t: tag, ...cursor });
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor's fields, or null when it is not a cursor made for `tag`. */
export function decodeCursor(tag: string, raw: string): Cursor | null {
  try {
    const b64 = raw.replace(/-/g, "+").replace(/_/g, "/");
    const parsed: unknown = JSON.parse(atob(b64));
    if (typeof parsed !== "object" || parsed === null || (parsed as Cursor).t !== tag) return null;
    return parsed as Cursor;
  } catch {
    return null;
  }
}

export function cursorInt(cursor: Cursor, key: string): number | null {
  const value = cursor[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}
