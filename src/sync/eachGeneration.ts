import type { Generation } from "../db/types";

/**
 * Runs a refresh for each generation even when one fails (a revoked v2 key must not hide fresh v3
 * data), then throws the first failure so that it is recorded and shown. Returns the sum of rows.
 */
export async function forEachGeneration(
  generations: readonly Generation[],
  refresh: (generation: Generation) => Promise<number>,
  signal?: AbortSignal,
): Promise<number> {
  let rows = 0;
  const failures: unknown[] = [];
  for (const generation of generations) {
    if (signal?.aborted) throw signal.reason;
    try {
      rows += await refresh(generation);
    } catch (error) {
      if (signal?.aborted) throw error;
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
  return rows;
}
