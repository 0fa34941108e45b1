import { isMailroomError } from "../core/errors";
import type { Generation } from "../db/types";

/** How one generation's part of a run ended. */
export type GenerationOutcome =
  | { generation: Generation; rows: number }
  | { generation: Generation; notSignedIn: true }
  | { generation: Generation; error: unknown };

/**
 * Runs a refresh for each generation even when one fails (a revoked v2 key must not hide fresh v3
 * data). A generation never signed in on this device is not a failure: it is skipped and said so
 * in its outcome. Returns the sum of rows, each generation's outcome, and the first real failure
 * (the caller records the outcomes, then throws it so that it is shown).
 */
export async function forEachGeneration(
  generations: readonly Generation[],
  refresh: (generation: Generation) => Promise<number>,
  signal?: AbortSignal,
): Promise<{ rows: number; outcomes: GenerationOutcome[]; failure?: unknown }> {
  let rows = 0;
  const outcomes: GenerationOutcome[] = [];
  for (const generation of generations) {
    if (signal?.aborted) throw signal.reason;
    try {
      const listed = await refresh(generation);
      rows += listed;
      outcomes.push({ generation, rows: listed });
    } catch (error) {
      if (signal?.aborted) throw error;
      if (isMailroomError(error) && error.kind === "not_signed_in")
        outcomes.push({ generation, notSignedIn: true });
      else outcomes.push({ generation, error });
    }
  }
  const failed = outcomes.find((outcome) => "error" in outcome);
  return { rows, outcomes, failure: failed && "error" in failed ? failed.error : undefined };
}
