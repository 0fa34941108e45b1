import { type CompareQuery, compareLists } from "../db/people/compare";
import { allComparedRows, type ComparedRow } from "../db/people/comparedRows";
import { type PersonSend, personHistory } from "../db/people/history";

/** Whose history the export writes. */
export interface PersonHistoryTarget {
  accountId: string;
  email: string;
}

async function* inPages<Row>(rows: Row[], pageSize: number): AsyncGenerator<Row[]> {
  for (let start = 0; start < rows.length; start += pageSize) yield rows.slice(start, start + pageSize);
}

/** One person's history, newest first: as the People screen shows it. */
export async function historyPages(
  target: PersonHistoryTarget,
  pageSize = 5_000,
): Promise<{ total: number; pages: AsyncIterable<PersonSend[]> }> {
  const { sends } = await personHistory(target.accountId, target.email);
  return { total: sends.length, pages: inPages(sends, pageSize) };
}

/** The people a comparison finds, in its order (folded email): computed again here, in the export's thread. */
export async function comparisonPages(
  query: CompareQuery,
  pageSize = 5_000,
  signal?: AbortSignal,
): Promise<{ total: number; pages: AsyncIterable<ComparedRow[]> }> {
  const answer = await compareLists(query, { signal });
  const rows = await allComparedRows(answer.people, signal);
  return { total: rows.length, pages: inPages(rows, pageSize) };
}
