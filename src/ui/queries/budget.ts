import { type Account, type Generation, getBudgets, type RequestBudget } from "../../db";
import { appKeyOf } from "../../sync/context";

export interface BudgetLine {
  generation: Generation;
  appKey: string;
  row: RequestBudget | undefined;
}

/** The request budget of each API generation of an account (its application key's, shared). */
export async function loadBudgets(account: Account): Promise<BudgetLine[]> {
  const keys = account.generations.map((generation) => ({
    generation,
    appKey: appKeyOf(account, generation),
  }));
  const rows = await getBudgets(keys.map((k) => k.appKey));
  return keys.map((k, i) => ({ ...k, row: rows[i] }));
}
