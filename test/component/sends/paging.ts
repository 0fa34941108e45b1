import { expect } from "vitest";
import { keyOf, readSendsPage, type SendsCursor, type SendsQuery } from "../../../src/db/queries/sendsPage";

/**
 * Follows Next from the first page to the end and returns every contact id seen, in order,
 * checking on the way that only the first page says it has no previous one.
 */
export async function walkForward(query: SendsQuery, size: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: SendsCursor = { kind: "first" };
  for (let pages = 0; ; pages++) {
    const page = await readSendsPage(query, cursor, size);
    expect(page.hasPrevious, `page ${pages} hasPrevious`).toBe(pages > 0);
    seen.push(...page.rows.map((r) => r.contactId));
    const last = page.rows.at(-1);
    if (!page.hasNext || !last) return seen;
    expect(page.rows).toHaveLength(size);
    cursor = { kind: "after", key: keyOf(last) };
  }
}

/** Opens the last page and follows Previous to the start; the ids come back in display order. */
export async function walkBackward(query: SendsQuery, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let cursor: SendsCursor = { kind: "last" };
  for (;;) {
    const page = await readSendsPage(query, cursor, size);
    expect(page.hasNext, `page ${pages.length} from the end hasNext`).toBe(pages.length > 0);
    pages.unshift(page.rows.map((r) => r.contactId));
    const first = page.rows[0];
    if (!page.hasPrevious || !first) return pages.flat();
    expect(page.rows).toHaveLength(size);
    cursor = { kind: "before", key: keyOf(first) };
  }
}
