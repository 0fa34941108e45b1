import { pause, SLICE_MS } from "../sendStore/pause";

/**
 * The `count` smallest of `values` by `key`, in order, without sorting them all: a broad search
 * ("e") matches hundreds of thousands of people, and one sort of those on the page is a long task
 * (and, in the compare worker, time before the first page). One pass keeps a sorted window of
 * `count` (binary insertion), pausing between slices.
 */
export async function firstInOrder<T = string>(
  values: Iterable<T>,
  count: number,
  key: (value: T) => string = (value) => value as unknown as string,
): Promise<T[]> {
  const kept: T[] = [];
  if (count <= 0) return kept;
  let sliceStart = performance.now();
  let seen = 0;
  for (const value of values) {
    if (++seen % 4096 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    const k = key(value);
    if (kept.length === count && k >= key(kept[count - 1]!)) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (key(kept[mid]!) < k) low = mid + 1;
      else high = mid;
    }
    kept.splice(low, 0, value);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
