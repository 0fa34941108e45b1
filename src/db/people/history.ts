import { parseSendsDatasetId } from "../datasets";
import { loadSendListTitles } from "../queries/campaigns";
import { foldText } from "../sendStore/fold";
import type { Generation } from "../types";
import { withPersonIndex } from "./accountIndex";
import { inListOrder } from "./places";
import { rowsAt } from "./rows";

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
 * newest first, from every cached send list of the account. The person index (personIndex.ts)
 * says where their sends lie; only the chunks holding them are read.
 */
export async function personHistory(
  accountId: string,
  email: string,
  signal?: AbortSignal,
): Promise<PersonHistory> {
  const folded = foldText(email);
  const { places, cached, index } = await withPersonIndex(
    accountId,
    async ({ index, lists }) => ({
      places: inListOrder((await index.placesOf(new Set([folded]), signal)).get(folded) ?? [], lists),
      cached: lists,
      index,
    }),
    signal,
  );
  const datasets = [...new Set(places.map((p) => p.dataset))];
  const [rows, named] = await Promise.all([
    rowsAt(places, (key, line) => index.lineOf(key, line)),
    loadSendListTitles(datasets),
  ]);
  const titles = new Map(
    datasets.map((dataset) => [dataset, named.get(dataset) ?? parseSendsDatasetId(dataset).reportId]),
  );
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

/**
 * Brings the account's person index up to date (People calls it on open): its search texts read
 * into memory, split and hashed, so the first search and the first history answer from memory.
 */
export async function warmPeople(accountId: string, signal?: AbortSignal): Promise<void> {
  await withPersonIndex(accountId, () => undefined, signal);
}
