import { foldText, fullName } from "../sendStore/fold";
import { matchingLines } from "../sendStore/search";
import { emailsOf } from "./emails";
import { firstInOrder } from "./firstInOrder";
import { cachedListsOf } from "./lists";
import { rowsAt, type SendAt } from "./rows";
import { keysOf, scanChunks } from "./scan";

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

/** Every send to one of the page's people, by person, with the list it is in. */
async function placesOf(
  lists: Awaited<ReturnType<typeof keysOf>>,
  page: Set<string>,
  signal?: AbortSignal,
): Promise<Map<string, { lists: Set<number>; places: (SendAt & { named: boolean })[] }>> {
  const found = new Map<string, { lists: Set<number>; places: (SendAt & { named: boolean })[] }>();
  for await (const { list, key, text } of scanChunks(lists, signal)) {
    const { emails, named } = emailsOf(key, text);
    for (let line = 0; line < emails.length; line++) {
      const email = emails[line]!;
      if (!page.has(email)) continue;
      const person = found.get(email) ?? { lists: new Set<number>(), places: [] };
      person.lists.add(list.list);
      person.places.push({ key, line, named: named[line] === 1 });
      found.set(email, person);
    }
  }
  return found;
}

/** The places that may hold a person's newest send (chunks may overlap in time across lists), and the newest named one. */
function candidates(places: (SendAt & { named: boolean })[]): SendAt[] {
  const latestStart = Math.max(...places.map((p) => p.key[1]));
  const newest = places.filter((p) => p.key[3] >= latestStart);
  const named = places.filter((p) => p.named).sort((a, b) => b.key[3] - a.key[3])[0];
  return named && !newest.includes(named) ? [...newest, named] : newest;
}

/**
 * The people of the account's cached send lists whose email or name contains `text` (folded: any
 * case, accents ignored), by folded email in alphabetical order, a page at a time with the exact
 * total. Scans the lists' search texts (in memory once warmed), then the page's people only: how
 * many lists hold them, their newest send and their name, from the few chunks that hold those.
 */
export async function searchPeople(
  accountId: string,
  text: string,
  options: { offset?: number; limit?: number; signal?: AbortSignal } = {},
): Promise<PeopleAnswer> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? PEOPLE_PAGE;
  const query = foldText(text);
  const lists = await keysOf(await cachedListsOf(accountId));
  const matched = new Set<string>();
  for await (const { key, text: lines } of scanChunks(lists, options.signal)) {
    const { emails } = emailsOf(key, lines);
    if (query === "") for (const email of emails) matched.add(email);
    else for (const line of matchingLines(lines, query)) matched.add(emails[line]!);
  }
  const page = (await firstInOrder(matched, offset + limit)).slice(offset);
  const found = await placesOf(lists, new Set(page), options.signal);
  const wanted = page.map((email) => candidates(found.get(email)?.places ?? []));
  const rows = await rowsAt(wanted.flat());
  let at = 0;
  const people = page.map((folded, i): PersonSummary => {
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
      lists: found.get(folded)?.lists.size ?? 0,
    };
    if (newest) summary.lastSentAt = newest.sentAt;
    const name = named && fullName(named.firstName, named.lastName);
    if (name) summary.name = name;
    return summary;
  });
  return { total: matched.size, offset, people };
}
