import { db } from "./db";
import type { RequestBudget } from "./types";

/** The request budget of one application key, for display; the pacer owns its updates. */
export function getBudget(appKey: string): Promise<RequestBudget | undefined> {
  return db().budget.get(appKey);
}

/** The request budgets of several application keys, in the same order (undefined where none is stored). */
export function getBudgets(appKeys: string[]): Promise<(RequestBudget | undefined)[]> {
  return db().budget.bulkGet(appKeys);
}
