// An ordered pick from a set of integers given as intervals with holes: element i of the pick, and
// the position of an element, both in O(log n) and without listing the set. The sandbox's audience
// uses it twice: a campaign's recipients are a pick from its lists' members (holes: who had
// unsubscribed), and a resend's are a pick from the primary send's indexes. The order is an affine
// permutation (a stride coprime with the size), so consecutive picks look random yet stay cheap.
import { hashKeys } from "../random";

/** Half-open `[lo, hi)`. */
export type Interval = readonly [number, number];

export interface Pick {
  /** How many elements the set holds (the pick can give each once). */
  readonly size: number;
  /** The element at position `i` (0 ≤ i < size). */
  at(i: number): number;
  /** The position of `element`, or -1 when the set does not hold it. */
  indexOf(element: number): number;
}

// Sizes stay under 2^26, so products of two positions stay under 2^52: exact in a double.
const MAX_SIZE = 2 ** 26;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The inverse of `a` modulo `m` (gcd(a, m) = 1), by the extended Euclidean algorithm. */
function modInverse(a: number, m: number): number {
  let [r0, r1, t0, t1] = [m, a % m, 0, 1];
  while (r1) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % m) + m) % m;
}

/** Intervals sorted and merged: overlapping or touching ones become one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([lo, hi]) => hi > lo).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

/** Whether `x` lies in one of the merged intervals. */
export function inIntervals(merged: readonly Interval[], x: number): boolean {
  return merged.some(([lo, hi]) => x >= lo && x < hi);
}

/** Runs of consecutive elements: the merged intervals cut at each hole. */
function runsOf(merged: readonly Interval[], holes: readonly number[]) {
  const starts: number[] = [];
  const lengths: number[] = [];
  let h = 0;
  for (const [lo, hi] of merged) {
    let from = lo;
    while (h < holes.length && (holes[h] as number) < hi) {
      const hole = holes[h++] as number;
      if (hole < from) continue;
      if (hole > from) {
        starts.push(from);
        lengths.push(hole - from);
      }
      from = hole + 1;
    }
    if (hi > from) {
      starts.push(from);
      lengths.push(hi - from);
    }
  }
  return { starts, lengths };
}

/**
 * The elements of `intervals` except `holes` (any order, any value), in an order drawn from
 * (seed, key): the same arguments always give the same pick.
 */
export function makePick(
  intervals: readonly Interval[],
  holes: readonly number[],
  seed: number,
  key: string,
): Pick {
  const merged = mergeIntervals(intervals);
  const { starts, lengths } = runsOf(
    merged,
    [...new Set(holes)].sort((a, b) => a - b),
  );
  const before: number[] = [];
  let size = 0;
  for (const length of lengths) {
    before.push(size);
    size += length;
  }
  if (size >= MAX_SIZE) throw new Error(`A sandbox pick holds at most ${MAX_SIZE} elements`);
  const offset = size ? hashKeys(seed, "pick-offset", key) % size : 0;
  let stride = size ? (hashKeys(seed, "pick-stride", key) % size) + 1 : 1;
  while (size && gcd(stride, size) !== 1) stride++;
  const inverse = size ? modInverse(stride % size, size) : 0;

  const elementAt = (k: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((before[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return (starts[lo] as number) + k - (before[lo] as number);
  };
  const rankOf = (element: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= element) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo];
    if (start === undefined || element < start || element >= start + (lengths[lo] as number)) return -1;
    return (before[lo] as number) + element - start;
  };
  return {
    size,
    at: (i) => elementAt((offset + i * stride) % size),
    indexOf(element) {
      const k = rankOf(element);
      return k < 0 ? -1 : (((k - offset + size) % size) * inverse) % size;
    },
  };
}
