import { db } from "./db";
import type { Account } from "./types";

/** Accounts are written by auth only; sync reads them to know endpoints, keys and generations. */
export function getAccount(accountId: string): Promise<Account | undefined> {
  return db().accounts.get(accountId);
}
