import { type Accessor, createMemo, createResource } from "solid-js";
import { computeSendsHistogram, type Histogram } from "../../db/queries/sendsHistogram";

// Keyed by dataset and the sync state's version: a finished sync draws it again, a reopened
// screen reuses it. Deliberately not a live query: re-counting after every page a sync writes
// would cost more than the picture is worth.
const cache = new Map<string, Promise<Histogram | undefined>>();

/**
 * The "when did it go out" histogram of a send list, recomputed when `version` changes.
 * @example const histogram = createSendsHistogram(() => [dataset, String(state()?.fetchedAt)]);
 */
export function createSendsHistogram(source: Accessor<[dataset: string, version: string] | undefined>) {
  // Only a new dataset or version draws again; other re-evaluations of `source` change nothing.
  const key = createMemo(() => source(), undefined, {
    equals: (a, b) => a?.join("\u0000") === b?.join("\u0000"),
  });
  const [histogram] = createResource(key, ([dataset, version]) => {
    const key = `${dataset}\u0000${version}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = computeSendsHistogram(dataset);
      cache.set(key, pending);
      // A failure is shown by the caller and must not be served from the cache next time.
      pending.catch(() => cache.delete(key));
    }
    return pending;
  });
  return histogram;
}
