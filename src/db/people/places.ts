import type { ChunkKey } from "../sendStore/chunk";
import type { CachedList } from "./lists";
import type { IndexedPlace } from "./personIndex";

function compareKeys(a: ChunkKey, b: ChunkKey): number {
  return a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/**
 * A person's places in the order a scan of the lists would meet them (lists in dataset order,
 * chunks in time order, lines in order): the index holds them in the order chunks arrived, and
 * which of two sends at the same millisecond an answer shows must not depend on that.
 */
export function inListOrder(
  places: readonly IndexedPlace[],
  lists: readonly CachedList[],
): (IndexedPlace & { dataset: string })[] {
  const rank = new Map(lists.map((list, i) => [list.list, i]));
  return places
    .filter((place) => rank.has(place.key[0]))
    .sort((a, b) => rank.get(a.key[0])! - rank.get(b.key[0])! || compareKeys(a.key, b.key) || a.line - b.line)
    .map((place) => ({ ...place, dataset: lists[rank.get(place.key[0])!]!.dataset }));
}
