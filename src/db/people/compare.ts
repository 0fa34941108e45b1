import { MailroomError } from "../../core/errors";
import { db } from "../db";
import type { ChunkKey, SendChunk } from "../sendStore/chunk";
import type { TimeWindow } from "../sendStore/read";
import { emailsOf } from "./emails";
import { type CachedList, cachedListsOf } from "./lists";
import type { SendAt } from "./rows";
import { keysOf, scanChunks } from "./scan";

/**
 * The questions Compare send lists answers, over send lists (dataset ids) of one account:
 * - aNotB: received any of `a` and none of `b` (who to resend to);
 * - all / any: received every one of `lists` / at least one;
 * - atLeast: received `n` or more of `lists` between fromMs and toMs inclusive (a frequency cap).
 */
export type CompareQuestion =
  | { kind: "aNotB"; a: string[]; b: string[] }
  | { kind: "all"; lists: string[] }
  | { kind: "any"; lists: string[] }
  | { kind: "atLeast"; lists: string[]; n: number; fromMs: number; toMs: number };

/** Plain data: it crosses to a worker by structured clone. */
export interface CompareQuery {
  accountId: string;
  question: CompareQuestion;
}

/** One person of an answer: folded email, how many of the chosen lists they received, one send of theirs. */
export interface ComparedPerson {
  folded: string;
  lists: number;
  at: SendAt;
}

/** The answer: every person, in alphabetical order of folded email; `count` is exact. */
export interface Comparison {
  count: number;
  people: ComparedPerson[];
}

export interface CompareHooks {
  signal?: AbortSignal;
  /** Sort the people (default true). The compare worker sorts later, and only if a page past the first few needs it. */
  sort?: boolean;
  /** Chunks read so far, of `total`. */
  onProgress?(done: number, total: number): void;
}

interface Tally {
  lists: number;
  lastList: number;
  at: SendAt;
}

function resolve(cached: readonly CachedList[], datasets: readonly string[]): CachedList[] {
  return datasets.map((dataset) => {
    const found = cached.find((list) => list.dataset === dataset);
    if (!found) throw new MailroomError("not_found", `The send list ${dataset} is not cached on this device`);
    return found;
  });
}

/** Lines of an edge chunk (cut by the window) whose send time lies inside it. */
async function linesInWindow(key: ChunkKey, window: TimeWindow): Promise<Set<number> | undefined> {
  const inside = (ms: number) => ms >= (window.fromMs ?? -Infinity) && ms <= (window.toMs ?? Infinity);
  if (inside(key[1]) && inside(key[3])) return undefined;
  const chunk = (await db().sendChunks.get(key)) as SendChunk | undefined;
  const lines = new Set<number>();
  if (chunk)
    for (let i = 0; i < chunk.rows; i++) if (inside(chunk.firstMs + (chunk.offsets[i] ?? 0))) lines.add(i);
  return lines;
}

/**
 * Tallies, per folded email, how many of `lists` hold a send to it (in the window); `skip`
 * leaves out whoever it holds. Reports progress chunk by chunk.
 */
async function tally(
  lists: readonly CachedList[],
  window: TimeWindow,
  hooks: CompareHooks & { done: { n: number }; total: number },
  skip?: Set<string>,
): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  const byList = await keysOf(lists, window);
  for await (const { list, key, text } of scanChunks(byList, hooks.signal)) {
    const { emails } = emailsOf(key, text);
    const keep = await linesInWindow(key, window);
    for (let line = 0; line < emails.length; line++) {
      if (keep && !keep.has(line)) continue;
      const email = emails[line]!;
      if (skip?.has(email)) continue;
      const held = tallies.get(email);
      if (!held) tallies.set(email, { lists: 1, lastList: list.list, at: { key, line } });
      else if (held.lastList !== list.list) {
        held.lists++;
        held.lastList = list.list;
      }
    }
    hooks.onProgress?.(++hooks.done.n, hooks.total);
    // Cancel within a chunk's time, not only at the scan's pauses.
    hooks.signal?.throwIfAborted();
  }
  return tallies;
}

async function chunkCount(lists: readonly CachedList[], window: TimeWindow): Promise<number> {
  return (await keysOf(lists, window)).reduce((n, { keys }) => n + keys.length, 0);
}

/**
 * Answers one question over the cached send lists, reading only their search texts (and, for a
 * time window, the rows of the chunks its edges cut). Runs wherever it is called: the compare
 * worker does (src/export/compareWorker.ts), and so do the unit tests.
 */
export async function compareLists(query: CompareQuery, hooks: CompareHooks = {}): Promise<Comparison> {
  const cached = await cachedListsOf(query.accountId);
  const q = query.question;
  const done = { n: 0 };
  let tallies: Map<string, Tally>;
  let wanted: (t: Tally) => boolean;
  if (q.kind === "aNotB") {
    const a = resolve(cached, q.a);
    const b = resolve(cached, q.b);
    const total = (await chunkCount(a, {})) + (await chunkCount(b, {}));
    const excluded = new Set((await tally(b, {}, { ...hooks, done, total })).keys());
    tallies = await tally(a, {}, { ...hooks, done, total }, excluded);
    wanted = () => true;
  } else {
    const lists = resolve(cached, q.lists);
    const window = q.kind === "atLeast" ? { fromMs: q.fromMs, toMs: q.toMs } : {};
    const total = await chunkCount(lists, window);
    tallies = await tally(lists, window, { ...hooks, done, total });
    const least = q.kind === "all" ? lists.length : q.kind === "any" ? 1 : q.n;
    wanted = (t) => t.lists >= least;
  }
  const people: ComparedPerson[] = [];
  for (const [folded, t] of tallies) if (wanted(t)) people.push({ folded, lists: t.lists, at: t.at });
  hooks.signal?.throwIfAborted();
  if (hooks.sort !== false) sortPeople(people);
  return { count: people.length, people };
}

/** In alphabetical order of folded email, in place. */
export function sortPeople(people: ComparedPerson[]): ComparedPerson[] {
  return people.sort((x, y) => (x.folded < y.folded ? -1 : x.folded > y.folded ? 1 : 0));
}
