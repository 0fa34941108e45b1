import type { Table } from "dexie";
import { db } from "./db";
import type { Account } from "./types";

/** Accounts are written by auth only; sync reads them to know endpoints, keys and generations. */
export function getAccount(accountId: string): Promise<Account | undefined> {
  return db().accounts.get(accountId);
}

/** The account was erased from this device while a sync of it was still running. */
export class AccountErasedError extends Error {
  override name = "AccountErasedError";
  constructor(readonly accountId: string) {
    super("This account was erased from this device; its sync stopped and wrote nothing more.");
  }
}

/**
 * Runs a write of cached data for one account in one transaction that first checks the account
 * still exists. A sync that was running when the user erased the account would otherwise put
 * rows back after the erase; this way its next write fails instead, and nothing reappears.
 */
export function writeForAccount<T>(accountId: string, tables: Table[], write: () => Promise<T>): Promise<T> {
  const database = db();
  return database.transaction("rw", [database.accounts, ...tables], async () => {
    if ((await database.accounts.get(accountId)) === undefined) throw new AccountErasedError(accountId);
    return write();
  });
}
