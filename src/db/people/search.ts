import { foldText, fullName } from "../sendStore/fold";
import { withPersonIndex } from "./accountIndex";
import { firstInOrder } from "./firstInOrder";
import type { IndexedPlace } from "./personIndex";
import { inListOrder } from "./places";
import { rowsAt, type SendAt } from "./rows";
import { matchingEmails } from "./textMatch";

/** One person found across the account's cached send lists (grouped by folded email). */
export interface PersonSummary {
  /** As received (case kept); `folded` is what groups and links. */
  email: string;
  folded: string;
  /** "First Last" from the newest send that carries a name; absent when none does (v2). */
  name?: string;
  /** Cached send lists holding a send to this email. */
  lists: number;
  /** ISO 8601 UTC: the newest cached send to this email. */
  lastSentAt?: string;
}

export interface PeopleAnswer {
  /** People matching, exact. */
  total: number;
  offset: number;
  people: PersonSummary[];
}

export const PEOPLE_PAGE = 25;

/** The places that may hold a person's newest send (chunks may overlap in time across lists), and the newest named one. */
function candidates(places: readonly IndexedPlace[]): SendAt[] {
  const latestStart = Math.max(...places.map((p) => p.key[1]));
  const newest = places.filter((p) => p.key[3] >= latestStart);
  const named = places.filter((p) => p.named).sort((a, b) => b.key[3] - a.key[3])[0];
  return named && !newest.includes(named) ? [...newest, named] : newest;
}

/**
 * The people of the account's cached send lists whose email or name contains `text` (folded: any
 * case, accents ignored), by folded email in alphabetical order, a page at a time with the exact
 * total. Scans the distinct lines the person index holds (in memory once warmed: each line of
 * the account's search texts once, a third of them), then finds the page's people's sends in one
 * pass over its hashes: how many lists hold them, their newest send and their name, from the few
 * chunks that hold those.
 */
export async function searchPeople(
  accountId: string,
  text: string,
  options: { offset?: number; limit?: number; signal?: AbortSignal } = {},
): Promise<PeopleAnswer> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? PEOPLE_PAGE;
  const query = foldText(text);
  const { total, page, index } = await withPersonIndex(
    accountId,
    async ({ index, lists }) => {
      const matched = await matchingEmails(await index.searchTexts(options.signal), query, options.signal);
      const emails = (await firstInOrder(matched, offset + limit)).slice(offset);
      const found = await index.placesOf(new Set(emails), options.signal);
      const page = emails.map((folded) => {
        const places = inListOrder(found.get(folded) ?? [], lists);
        return { folded, places, lists: new Set(places.map((place) => place.key[0])).size };
      });
      return { total: matched.length, page, index };
    },
    options.signal,
  );
  const wanted = page.map((person) => candidates(person.places));
  const rows = await rowsAt(wanted.flat(), (key, line) => index.lineOf(key, line));
  let at = 0;
  const people = page.map(({ folded, lists }, i): PersonSummary => {
    const own = rows
      .slice(at, at + wanted[i]!.length)
      .filter((row) => row !== undefined)
      .sort((a, b) => b.ms - a.ms);
    at += wanted[i]!.length;
    const newest = own[0];
    const named = own.find((row) => row.firstName || row.lastName);
    const summary: PersonSummary = {
      email: newest?.email ?? folded,
      folded,
      lists,
    };
    if (newest) summary.lastSentAt = newest.sentAt;
    const name = named && fullName(named.firstName, named.lastName);
    if (name) summary.name = name;
    return summary;
  });
  return { total, offset, people };
}
