import type { FetchLike } from "../api/client";
import { demoFetch, isDemoUrl } from "../core/demo";
import { utcDay } from "../core/utcDay";
import { getBudget } from "../db/budget";
import type { Account, Generation } from "../db/types";
import { appKeyOf, type SyncDeps } from "./context";
import { shareLimit } from "./keepUpPlan";
import { ShareUsedAbort } from "./keepUpStops";

/**
 * The deps of one step of a keep-up round: its fetch counts the requests the round sends and, for
 * a send list's sync (`generation` known), stops before a request that would take the key's
 * requests today past the share. The pacer has already counted that request when fetch is
 * called, so "past" is `used > limit`. The stop is an abort, so the list's sync is left stopped at
 * its checkpoint (status stopped, cancelled) and resumes in a later round. The campaign list's refresh (both generations) is
 * only counted: a round starts it only while some key has share left, and it costs a few requests.
 */
export function guardedDeps(
  account: Account,
  generation: Generation | undefined,
  share: number,
  deps: SyncDeps,
  onRequest: () => void,
  outer?: AbortSignal,
): { deps: SyncDeps; signal: AbortSignal } {
  const stop = new AbortController();
  const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
  const inner: FetchLike = deps.fetch ?? defaultFetch;
  const limit = shareLimit(share);
  const appKey = generation ? appKeyOf(account, generation) : undefined;
  const fetch: FetchLike = async (input, init) => {
    if (appKey && generation) {
      const row = await getBudget(appKey);
      const used = row && row.day === utcDay(deps.clock.now()) ? row.used : 0;
      if (used > limit) {
        // Aborted through the step's signal: the client, the retries and the sync pass it on as a stop.
        stop.abort(new ShareUsedAbort(generation));
        throw stop.signal.reason;
      }
    }
    onRequest();
    return inner(input, init);
  };
  return { deps: { ...deps, fetch }, signal };
}

/** What the API client would use without a fetch of its own (src/api/client.ts). */
const defaultFetch: FetchLike = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return isDemoUrl(url) ? demoFetch(input, init) : globalThis.fetch(input, init);
};
