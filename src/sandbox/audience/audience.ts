// The account's audience: its people, its contact lists and who unsubscribed when. A person has a
// rank in the audience (0 … size-1); a contact list is a range of ranks, and lists overlap, so the
// campaigns sent to them reach the same people again and again, as a real account's do. The rank
// maps to a person of the pool (people.ts), which gives one email, one name, one v2 contact id and
// one v3 UUID per person, in both API generations alike. Nothing here lists people: a campaign's
// recipients are computed per send (pick.ts).
import { DAY_MS, HOUR_MS } from "../clock";
import { PERSON_POOL_SIZE } from "../data/people";
import { hashKeys, rngFor, uuidFor } from "../random";
import { type Interval, inIntervals, makePick } from "./pick";

export interface ContactListSpec {
  /** Stable within the account ("newsletter"); what configs and the admin API name a list by. */
  key: string;
  name: string;
  v2Id: string;
  v3Id: string;
  /** The ranks of its members, `[lo, hi)`. */
  ranks: Interval;
}

export interface Unsubscribe {
  rank: number;
  /** When the person unsubscribed: nothing sent after this reaches them. */
  at: number;
}

export interface Audience {
  size: number;
  lists: ContactListSpec[];
  /** Sorted by rank. */
  unsubscribes: Unsubscribe[];
  /** The pool index (people.ts) of the person at `rank`. */
  poolIndexOf(rank: number): number;
  /** The rank of pool person `poolIndex`, or -1 when that person is not in the audience. */
  rankOf(poolIndex: number): number;
}

/** A list as a preset describes it: the key, the name and its ranks. */
export type ListPlan = readonly [key: string, name: string, lo: number, hi: number];

/** Share of the audience that unsubscribed at some time in the last 60 days (but not the last 3 h). */
const UNSUBSCRIBED_SHARE = 0.02;
const UNSUBSCRIBE_WINDOW = { newest: 3 * HOUR_MS, oldest: 60 * DAY_MS };
/** Unsubscribes are drawn per block of ranks, so a bigger audience keeps a smaller one's. */
const BLOCK = 10_000;

function unsubscribesOf(seed: number, anchor: number, size: number): Unsubscribe[] {
  const span = UNSUBSCRIBE_WINDOW.oldest - UNSUBSCRIBE_WINDOW.newest;
  const all: Unsubscribe[] = [];
  for (let block = 0; block * BLOCK < size; block++) {
    const lo = block * BLOCK;
    const hi = Math.min(size, lo + BLOCK);
    const who = makePick([[lo, hi]], [], seed, `unsubscribed-${block}`);
    const count = Math.floor((hi - lo) * UNSUBSCRIBED_SHARE);
    for (let j = 0; j < count; j++) {
      const ago = UNSUBSCRIBE_WINDOW.newest + Math.floor(rngFor(seed, "unsubscribed-at", block, j)() * span);
      all.push({ rank: who.at(j), at: anchor - ago });
    }
  }
  return all.sort((a, b) => a.rank - b.rank);
}

export function buildAudience(seed: number, anchor: number, size: number, lists: ListPlan[]): Audience {
  if (size > PERSON_POOL_SIZE)
    throw new Error(`The sandbox audience holds at most ${PERSON_POOL_SIZE} people`);
  // An odd stride over the power-of-two pool is a bijection: ranks spread over the whole pool.
  const offset = hashKeys(seed, "audience-offset") % PERSON_POOL_SIZE;
  const stride = (hashKeys(seed, "audience-stride") % PERSON_POOL_SIZE) | 1;
  const inverse = oddInverse(stride);
  return {
    size,
    lists: lists.map(([key, name, lo, hi], n) => ({
      key,
      name,
      v2Id: String(1_000_000 + (hashKeys(seed, "v2-list", key) % 1000) * 10 + n),
      v3Id: uuidFor(seed, "contact-list", key),
      ranks: [lo, Math.min(hi, size)],
    })),
    unsubscribes: unsubscribesOf(seed, anchor, size),
    poolIndexOf: (rank) => (offset + mulMod(rank, stride)) % PERSON_POOL_SIZE,
    rankOf(poolIndex) {
      if (!Number.isInteger(poolIndex) || poolIndex < 0 || poolIndex >= PERSON_POOL_SIZE) return -1;
      const rank = mulMod((poolIndex - offset + PERSON_POOL_SIZE) % PERSON_POOL_SIZE, inverse);
      return rank < size ? rank : -1;
    },
  };
}

/** `a * b` modulo the pool size (2^21: the product of two values below it is exact in a double). */
function mulMod(a: number, b: number): number {
  return (a * b) % PERSON_POOL_SIZE;
}

/** The inverse of an odd number modulo the pool size (Newton's iteration doubles correct bits). */
function oddInverse(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = mulMod(x, (2 - mulMod(odd, x) + PERSON_POOL_SIZE) % PERSON_POOL_SIZE);
  return x;
}

/** The lists named by `keys` (or by v3 id), or an error naming the first unknown one. */
export function listsByKey(audience: Audience, keys: readonly string[]): ContactListSpec[] {
  return keys.map((key) => {
    const list = audience.lists.find((l) => l.key === key || l.v3Id === key || l.v2Id === key);
    if (!list) {
      const known = audience.lists.map((l) => l.key).join(", ");
      throw new Error(`The sandbox has no contact list "${key}" (it has ${known})`);
    }
    return list;
  });
}

/**
 * The ranks that may receive a send to `lists` finishing at `endAt`: every member once, except who
 * unsubscribed before then. A campaign sends to the first `n` of the pick (all of it for a whole list).
 */
export function eligiblePick(
  audience: Audience,
  lists: readonly ContactListSpec[],
  endAt: number,
  key: string,
  seed: number,
) {
  const intervals = lists.map((l) => l.ranks);
  const gone = audience.unsubscribes
    .filter((u) => u.at < endAt && inIntervals(intervals, u.rank))
    .map((u) => u.rank);
  return makePick(intervals, gone, seed, key);
}
