import { syncLockName, withLock } from "../core/locks";
import { parseSendsDatasetId } from "../db/datasets";
import { countSends, newestSentAt } from "../db/sends";
import { getSyncState, noteRetry, type SyncStateKey, updateSyncState } from "../db/syncState";
import { openSync, type SyncContext, type SyncOptions } from "./context";
import { expectedSendCount } from "./expectedCount";
import { updateHeldListState } from "./listRemoval";
import { dropStaleCopies, showCopy } from "./resync";
import type { RetryNotice } from "./retry";
import { finished, running } from "./runStates";
import { pageThrough } from "./sendsPager";
import { planSendsRun } from "./sendsPlan";
import { sendsSource } from "./sendsSource";
import { runRecorded } from "./stop";

export interface SyncSendsOptions extends SyncOptions {
  /**
   * "Sync everything again": page through the whole list and end with exactly the server's rows,
   * keeping the rows held until the new copy is complete (see resync.ts); resumable like a first sync.
   */
  full?: boolean;
}

/**
 * Brings one send list up to date: a first sync pages through everything, later ones fetch only
 * what is new, an interrupted one resumes from its checkpoint. Cancel = abort the signal (the
 * promise then rejects with the signal's reason and the state stays resumable).
 */
export async function syncSends(dataset: string, options: SyncSendsOptions = {}): Promise<void> {
  const { accountId, generation, reportId } = parseSendsDatasetId(dataset);
  const base = { dataset, accountId, kind: "sends" as const };
  const ctx = await openSync(accountId, {
    ...options,
    onRetry: (retry) => void showRetry(dataset, retry, ctx),
  });
  const now = () => ctx.deps.clock.now();
  await withLock(ctx.deps.locks, syncLockName(dataset), () =>
    runRecorded(base, now, options.signal, async () => {
      const [state, newestHeld] = await Promise.all([getSyncState(dataset), newestSentAt(dataset)]);
      const run = planSendsRun(generation, state, newestHeld, options.full);
      const expectedRows = await expectedSendCount(ctx, generation, reportId);
      const held = await countSends(dataset);
      const resuming = run.resumeLink !== undefined;
      if (run.mode === "incremental" && !resuming && expectedRows !== undefined && held >= expectedRows) {
        await finish(base, { expectedRows, held, at: now() }, state === undefined);
        return;
      }
      const start = await updateSyncState(base, (current) =>
        running(current, now(), {
          mode: run.mode,
          stopBelow: run.stopBelow,
          nextLink: run.resumeLink,
          expectedRows,
          rows: options.full ? 0 : held,
          // Pages continue when resuming.
          ...(resuming ? {} : { pages: 0 }),
          newestStored: newestHeld ?? state?.newestStored,
          // A resync keeps its copy while it resumes; any other run ends one that never stored a page.
          resyncCopy: options.full ? now() : resuming ? state?.resyncCopy : undefined,
        }),
      );
      await dropStaleCopies(base, start.resyncCopy);
      await pageThrough(sendsSource(ctx, dataset, generation, reportId), run, start, now);
      if (start.resyncCopy !== undefined) await showCopy(base, start.resyncCopy);
      await finish(base, { expectedRows, held: await countSends(dataset), at: now() });
    }),
  );
}

/** Shown on the send list while the request waits (see noteRetry). */
async function showRetry(dataset: string, retry: RetryNotice, ctx: SyncContext): Promise<void> {
  const { waitMs, ...rest } = retry;
  try {
    await noteRetry(dataset, { ...rest, until: ctx.deps.clock.now() + waitMs });
  } catch (error) {
    // Only a progress hint failed to land; the retry itself goes on and its outcome is recorded.
    console.warn("Mailroom: could not record a retry", error);
  }
}

/** `mayCreate`: rows were held without a state (nothing ran yet); otherwise the state must exist. */
async function finish(
  base: SyncStateKey,
  result: { expectedRows?: number; held: number; at: number },
  mayCreate = false,
): Promise<void> {
  // v3's send_history and v2's tracking summary say how many sends the list should hold.
  const complete = result.expectedRows === undefined || result.held >= result.expectedRows;
  // Never re-creates the state of a list removed while this run ended.
  await (mayCreate ? updateSyncState : updateHeldListState)(base, (current) =>
    finished(current, {
      complete,
      rows: result.held,
      expectedRows: result.expectedRows,
      at: result.at,
      fetchedAt: result.at,
    }),
  );
}
