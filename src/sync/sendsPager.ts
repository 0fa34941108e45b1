import { MailroomError } from "../core/errors";
import type { RunningSyncState, Send } from "../db/types";
import { writePageWithCheckpoint } from "./checkpoint";
import { rateOf } from "./progress";
import type { SendsRun } from "./sendsPlan";
import type { SendsSource } from "./sendsSource";

/**
 * Pages fetched ahead of the one being written. Fetching is paced (250 ms apart at 4/s) and a
 * page's write may take longer than that on a slow disk: with a few pages in hand the pace, not
 * the disk, sets the request rate. Pages fetched but not written when a run dies are simply
 * fetched again on resume (the checkpoint only ever names the first page not stored).
 */
export const PAGES_AHEAD = 3;

interface FetchedPage {
  items: Send[];
  /** The page after this one, or undefined when this run stops here. */
  next?: string;
}

/**
 * Pages through one send list: pages are fetched in order ahead of the writer, and each page is
 * one bulkPut in the same transaction as the checkpoint naming the page after it. Returns the
 * state after the last page.
 */
export async function pageThrough(
  source: SendsSource,
  run: SendsRun,
  start: RunningSyncState,
  now: () => number,
): Promise<RunningSyncState> {
  const fetching = { stopped: false };
  const pages = fetchInOrder(source, run, fetching);
  const ahead: Promise<IteratorResult<FetchedPage>>[] = [];
  const fetchOneMore = () => {
    const promise = pages.next();
    // A page fetched ahead may fail after the writer already failed: that failure is not the one
    // to report, and it must not surface as an unhandled rejection.
    promise.catch(() => undefined);
    ahead.push(promise);
  };
  let state = start;
  try {
    for (let i = 0; i < PAGES_AHEAD; i++) fetchOneMore();
    for (;;) {
      const result = await ahead.shift();
      if (!result || result.done) return state;
      fetchOneMore();
      state = advance(state, result.value, now());
      await writePageWithCheckpoint(result.value.items, state);
    }
  } finally {
    fetching.stopped = true;
  }
}

/** The pages of a run, one request after the other: each page's link comes from the one before. */
async function* fetchInOrder(
  source: SendsSource,
  run: SendsRun,
  fetching: { stopped: boolean },
): AsyncGenerator<FetchedPage> {
  const requested = new Set<string>();
  let link = run.resumeLink;
  let page = await (link === undefined ? source.first(run.createdSince) : source.after(link));
  for (;;) {
    if (link !== undefined) requested.add(link);
    if (page.next !== undefined && requested.has(page.next)) {
      throw new MailroomError(
        "bad_response",
        `Constant Contact's next link does not advance (${page.next}); stopped to avoid a loop.`,
      );
    }
    const next = reachedHeldRows(page.items, run) ? undefined : page.next;
    yield { items: page.items, next };
    if (next === undefined || fetching.stopped) return;
    link = next;
    page = await source.after(link);
  }
}

/** v3 incremental: newest first, so a page holding a row at or below the old newest reached the held rows. */
function reachedHeldRows(rows: Send[], run: SendsRun): boolean {
  const stopBelow = run.stopBelow;
  if (run.mode !== "incremental" || stopBelow === undefined) return false;
  return rows.some((row) => row.sentAt <= stopBelow);
}

/** The checkpoint after one more page: it replaces the whole row, a retry note included. */
function advance(state: RunningSyncState, page: FetchedPage, at: number): RunningSyncState {
  const runRows = state.runRows + page.items.length;
  let newest = state.newestStored;
  for (const row of page.items) if (newest === undefined || row.sentAt > newest) newest = row.sentAt;
  return {
    ...state,
    nextLink: page.next,
    pages: state.pages + 1,
    rows: state.rows + page.items.length,
    runRows,
    newestStored: newest,
    fetchedAt: at,
    rate: rateOf(runRows, state.startedAt, at),
    retrying: undefined,
  };
}
