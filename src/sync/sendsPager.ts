import { MailroomError } from "../api/errors";
import type { Page } from "../api/page";
import type { Send, SyncState } from "../db/types";
import { writePageWithCheckpoint } from "./checkpoint";
import { rateOf } from "./progress";
import type { SendsRun } from "./sendsPlan";
import type { SendsSource } from "./sendsSource";

/**
 * Pages through one send list. Page N+1 is requested before page N is written, so the network and
 * IndexedDB work at the same time; each page is one bulkPut in the same transaction as the
 * checkpoint that names the page after it. Returns the state after the last page.
 */
export async function pageThrough(
  source: SendsSource,
  run: SendsRun,
  start: SyncState,
  now: () => number,
): Promise<SyncState> {
  const requested = new Set<string>();
  const request = (link: string | undefined): Promise<Page<Send>> => {
    if (link === undefined) return source.first(run.createdSince);
    requested.add(link);
    return source.after(link);
  };
  let state = start;
  let pending: Promise<Page<Send>> | undefined = request(run.resumeLink);
  while (pending) {
    const page: Page<Send> = await pending;
    if (page.next !== undefined && requested.has(page.next)) {
      throw new MailroomError(
        "bad_response",
        `Constant Contact's next link does not advance (${page.next}); stopped to avoid a loop.`,
      );
    }
    const next = reachedHeldRows(page.items, run) ? undefined : page.next;
    pending = next === undefined ? undefined : request(next);
    // If the write below fails, the prefetched page is dropped; mark its failure as seen so it
    // is not reported as unhandled (the write's error is the one that matters).
    if (pending) pending.catch(() => undefined);
    state = advance(state, page.items, next, now());
    await writePageWithCheckpoint(page.items, state);
  }
  return state;
}

/** v3 incremental: newest first, so a page holding a row at or below the old newest reached the held rows. */
function reachedHeldRows(rows: Send[], run: SendsRun): boolean {
  const stopBelow = run.stopBelow;
  if (run.mode !== "incremental" || stopBelow === undefined) return false;
  return rows.some((row) => row.sentAt <= stopBelow);
}

function advance(state: SyncState, rows: Send[], next: string | undefined, at: number): SyncState {
  const runRows = (state.runRows ?? 0) + rows.length;
  let newest = state.newestStored;
  for (const row of rows) if (newest === undefined || row.sentAt > newest) newest = row.sentAt;
  return {
    ...state,
    nextLink: next,
    pages: state.pages + 1,
    rows: state.rows + rows.length,
    runRows,
    newestStored: newest,
    fetchedAt: at,
    rate: rateOf(runRows, state.startedAt, at),
  };
}
