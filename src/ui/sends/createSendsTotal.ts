import { type Accessor, createMemo, createResource } from "solid-js";
import type { SyncState } from "../../db";
import { countFromHistogram, type Histogram } from "../../db/queries/sendsHistogram";
import { countSendsInRange, type SendsQuery } from "../../db/queries/sendsPage";
import { createLiveQuery } from "../primitives/createLiveQuery";

/**
 * How many sends the browse filter (dates, no prefix) selects. A settled list is counted from its
 * histogram (bars added up, the two cut bars recounted), so opening a million-row list never waits
 * for a count of every key; while a sync writes, the histogram is stale, so a live count is used.
 * Prefix searches count their own matches (see readSendsPage).
 * @example const { total } = createSendsTotal(query, state.value, histogram, () => histogram.state === "ready");
 */
export function createSendsTotal(
  query: Accessor<SendsQuery | undefined>,
  state: Accessor<SyncState | undefined>,
  histogram: Accessor<Histogram | undefined>,
  histogramReady: Accessor<boolean>,
): { total: Accessor<number | undefined>; error: Accessor<unknown> } {
  const syncing = () => state()?.status === "running";
  const live = createLiveQuery(
    () => (syncing() ? query() : undefined),
    (q) => (q ? countSendsInRange(q) : undefined),
  );
  const source = createMemo(() => {
    const q = query();
    if (!q || syncing() || !histogramReady()) return undefined;
    return JSON.stringify([q.dataset, q.sentFrom ?? "", q.sentTo ?? ""]);
  });
  const [fromHistogram] = createResource(source, async (key) => {
    const [dataset, from, to] = JSON.parse(key) as [string, string, string];
    const drawn = histogram();
    return drawn ? countFromHistogram(drawn, dataset, from || undefined, to || undefined) : 0;
  });
  return {
    total: () => (syncing() ? live.value() : fromHistogram.state === "ready" ? fromHistogram() : undefined),
    error: () => live.error() ?? fromHistogram.error,
  };
}
