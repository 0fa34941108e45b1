import type Dexie from "dexie";
import { db } from "../db";
import { listsWithKeys } from "./chunkKeys";
import type { CachedList } from "./lists";
import { PersonIndex } from "./personIndex";

interface Held {
  index: PersonIndex;
  /** Updates and reads of this index, one after the other. */
  queue: Promise<unknown>;
}

/** What a People question reads: the account's cached lists and the index, current. */
export interface IndexView {
  lists: CachedList[];
  index: PersonIndex;
}

// By database (a test or a second profile opens another one) and account; the last two accounts
// are kept, as People shows one at a time.
const ACCOUNTS_KEPT = 2;
const held = new WeakMap<Dexie, Map<string, Held>>();

function heldFor(accountId: string): Held {
  const database = db();
  const accounts = held.get(database) ?? new Map<string, Held>();
  held.set(database, accounts);
  let entry = accounts.get(accountId);
  if (entry) accounts.delete(accountId);
  else entry = { index: new PersonIndex(), queue: Promise.resolve() };
  accounts.set(accountId, entry);
  for (const oldest of accounts.keys()) {
    if (accounts.size <= ACCOUNTS_KEPT) break;
    accounts.delete(oldest);
  }
  return entry;
}

/**
 * Runs `read` over the account's person index once it holds exactly the chunks the account's
 * cached lists have now. The lists and their chunk keys are read here, in the caller's context
 * (two queries at once, which a live query observes, so it answers again after a sync); the
 * index then reads only the chunks it lacks. Calls on one index run one after the other: none
 * sees another's half-done update.
 */
export async function withPersonIndex<T>(
  accountId: string,
  read: (view: IndexView) => T | Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const { lists, keys } = await listsWithKeys(accountId);
  const entry = heldFor(accountId);
  const run = async () => {
    await entry.index.update(keys, signal);
    return read({ lists, index: entry.index });
  };
  const result = entry.queue.then(run);
  // The caller gets the failure through `result`; the queue only waits for it to settle.
  entry.queue = result.catch(() => undefined);
  return result;
}
