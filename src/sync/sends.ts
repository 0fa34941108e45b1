import { v3SentCount } from "../api/v3/sends";
import { syncLockName, withLock } from "../core/locks";
import { parseSendsDatasetId } from "../db/datasets";
import { db } from "../db/db";
import { countSends, newestSentAt } from "../db/sends";
import { getSyncState, patchSyncState } from "../db/syncState";
import type { SyncState } from "../db/types";
import { openSync, type SyncContext, type SyncOptions } from "./context";
import type { RetryNotice } from "./retry";
import { pageThrough } from "./sendsPager";
import { planSendsRun } from "./sendsPlan";
import { sendsSource } from "./sendsSource";
import { runRecorded } from "./stop";

export interface SyncSendsOptions extends SyncOptions {
  /** Page through everything again (repairs a partial list); resumable like a first sync. */
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
      // v3 says how many sends each run reached: one request gives the ETA's total and, at the
      // end, complete or partial. An unchanged list is then recognised without paging at all.
      const expectedRows = generation === "v3" ? await expectedCount(ctx, reportId) : undefined;
      const held = await countSends(dataset);
      const resuming = run.resumeLink !== undefined;
      if (run.mode === "incremental" && !resuming && expectedRows !== undefined && held >= expectedRows) {
        await finish(base, { expectedRows, held, at: now() });
        return;
      }
      const start = await patchSyncState(base, {
        status: "running",
        mode: run.mode,
        stopBelow: run.stopBelow,
        nextLink: run.resumeLink,
        expectedRows,
        stopReason: undefined,
        lastError: undefined,
        retrying: undefined,
        finishedAt: undefined,
        // The rate is measured from this (re)start; pages continue when resuming.
        startedAt: now(),
        runRows: 0,
        rate: undefined,
        rows: options.full ? 0 : held,
        ...(resuming ? {} : { pages: 0 }),
        newestStored: newestHeld ?? state?.newestStored,
      });
      await pageThrough(sendsSource(ctx, dataset, generation, reportId), run, start, now);
      await finish(base, { expectedRows, held: await countSends(dataset), at: now() });
    }),
  );
}

/**
 * Shown on the send list while the request waits. `update` changes this one field in its own
 * transaction, so it can never undo a page's checkpoint written meanwhile.
 */
async function showRetry(dataset: string, retry: RetryNotice, ctx: SyncContext): Promise<void> {
  const { waitMs, ...rest } = retry;
  try {
    await db().syncState.update(dataset, { retrying: { ...rest, until: ctx.deps.clock.now() + waitMs } });
  } catch (error) {
    // Only a progress hint failed to land; the retry itself goes on and its outcome is recorded.
    console.warn("Mailroom: could not record a retry", error);
  }
}

function expectedCount(ctx: SyncContext, campaignActivityId: string): Promise<number> {
  return ctx.api("v3").call((client, signal) => v3SentCount(client, campaignActivityId, signal));
}

async function finish(
  base: Pick<SyncState, "dataset" | "accountId" | "kind">,
  result: { expectedRows?: number; held: number; at: number },
): Promise<void> {
  const complete = result.expectedRows === undefined || result.held >= result.expectedRows;
  await patchSyncState(base, {
    status: complete ? "complete" : "partial",
    rows: result.held,
    stopReason: "done",
    retrying: undefined,
    nextLink: undefined,
    expectedRows: result.expectedRows,
    finishedAt: result.at,
    fetchedAt: result.at,
    lastError: undefined,
  });
}
