import { parseSendsDatasetId } from "../datasets";
import { loadSendListTitle } from "../queries/campaigns";
import { foldText } from "../sendStore/fold";
import type { Generation } from "../types";
import { emailsOf } from "./emails";
import { cachedListsOf } from "./lists";
import { rowsAt, type SendAt } from "./rows";
import { keysOf, scanChunks } from "./scan";

/** One cached send to a person, with the campaign it belongs to. */
export interface PersonSend {
  /** ISO 8601 UTC. */
  sentAt: string;
  dataset: string;
  /** "Spring sale" or "Spring sale · resend"; the report id when the campaign is not cached. */
  campaign: string;
  generation: Generation;
  contactId: string;
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface PersonHistory {
  /** The folded email asked for. */
  email: string;
  /** Newest first. */
  sends: PersonSend[];
  /** Cached lists holding a send to this email, and cached lists in all. */
  listsFound: number;
  listsCached: number;
}

/**
 * Every cached send to exactly this email (folded: case and accents aside, equal, not contained),
 * newest first, from every cached send list of the account. Compares the chunks' folded emails
 * (split once and kept, see emails.ts), then reads only the chunks that hold the person.
 */
export async function personHistory(
  accountId: string,
  email: string,
  signal?: AbortSignal,
): Promise<PersonHistory> {
  const folded = foldText(email);
  const cached = await cachedListsOf(accountId);
  const places: (SendAt & { dataset: string })[] = [];
  for await (const { list, key, text } of scanChunks(await keysOf(cached), signal)) {
    const { emails } = emailsOf(key, text);
    for (let line = emails.indexOf(folded); line !== -1; line = emails.indexOf(folded, line + 1)) {
      places.push({ key, line, dataset: list.dataset });
    }
  }
  const rows = await rowsAt(places);
  const titles = new Map<string, string>();
  for (const dataset of new Set(places.map((p) => p.dataset))) {
    titles.set(dataset, (await loadSendListTitle(dataset)) ?? parseSendsDatasetId(dataset).reportId);
  }
  const sends: (PersonSend & { ms: number })[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const dataset = places[i]!.dataset;
    const send: PersonSend & { ms: number } = {
      ms: row.ms,
      sentAt: row.sentAt,
      dataset,
      campaign: titles.get(dataset) ?? dataset,
      generation: parseSendsDatasetId(dataset).generation,
      contactId: row.contactId,
      email: row.email,
    };
    if (row.firstName) send.firstName = row.firstName;
    if (row.lastName) send.lastName = row.lastName;
    sends.push(send);
  });
  sends.sort((a, b) => b.ms - a.ms || a.dataset.localeCompare(b.dataset));
  return {
    email: folded,
    sends: sends.map(({ ms: _ms, ...send }) => send),
    listsFound: new Set(sends.map((s) => s.dataset)).size,
    listsCached: cached.length,
  };
}

/** Reads every cached list's search text of the account into memory (People calls it on open). */
export async function warmPeople(accountId: string, signal?: AbortSignal): Promise<void> {
  for await (const { key, text } of scanChunks(await keysOf(await cachedListsOf(accountId)), signal)) {
    emailsOf(key, text);
  }
}
