import { isMailroomError } from "../core/errors";
import { type SyncStateKey, updateSyncState } from "../db/syncState";
import type { Generation, GenerationSyncState } from "../db/types";
import { forEachGeneration, type GenerationOutcome } from "./eachGeneration";
import { finished, running } from "./runStates";
import { runRecorded } from "./stop";

/**
 * Runs the refresh of a whole list (activities, campaigns) over the account's generations: its
 * state says running, then complete with the rows listed, and what each generation's part came
 * to. A failure is recorded by runRecorded and still thrown; a generation never signed in is no
 * failure (the run completes for the other).
 */
export function runListRefresh(
  base: SyncStateKey,
  now: () => number,
  signal: AbortSignal | undefined,
  generations: readonly Generation[],
  refresh: (generation: Generation) => Promise<number>,
): Promise<void> {
  return runRecorded(base, now, signal, async () => {
    const before = await updateSyncState(base, (current) => running(current, now()));
    const { rows, outcomes, failure } = await forEachGeneration(generations, refresh, signal);
    const records = generationRecords(before.generations ?? {}, outcomes, now());
    if (failure !== undefined) {
      await updateSyncState(base, (current) => ({ ...current, generations: records }));
      throw failure;
    }
    await updateSyncState(base, (current) => ({
      ...finished(current, {
        complete: true,
        at: now(),
        rows,
        // Nothing fetched when no generation is signed in: the data on screen is as old as it was.
        fetchedAt: outcomes.some((outcome) => "rows" in outcome) ? now() : before.fetchedAt,
      }),
      generations: records,
    }));
  });
}

/** Each generation's record after this run; a skipped or failed one keeps when it last arrived. */
export function generationRecords(
  previous: Partial<Record<Generation, GenerationSyncState>>,
  outcomes: GenerationOutcome[],
  at: number,
): Partial<Record<Generation, GenerationSyncState>> {
  const records: Partial<Record<Generation, GenerationSyncState>> = {};
  for (const outcome of outcomes) {
    const kept = previous[outcome.generation];
    const since = { fetchedAt: kept?.fetchedAt, rows: kept?.rows, at };
    if ("rows" in outcome) {
      records[outcome.generation] = { outcome: "fetched", fetchedAt: at, rows: outcome.rows, at };
    } else if ("notSignedIn" in outcome) {
      records[outcome.generation] = { outcome: "not_signed_in", ...since };
    } else {
      const { error } = outcome;
      const kind = isMailroomError(error) ? error.kind : "bad_response";
      const message = error instanceof Error ? error.message : String(error);
      records[outcome.generation] = { outcome: "failed", ...since, error: { kind, message, at } };
    }
  }
  return records;
}
