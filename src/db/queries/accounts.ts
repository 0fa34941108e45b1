import { db } from "../db";
import type { Account, StoredToken } from "../types";

export interface AccountWithTokens {
  account: Account;
  tokens: Partial<Record<"v2" | "v3", StoredToken>>;
}

const oldestFirst = (a: Account, b: Account) => a.createdAt - b.createdAt;

/** Every account connected on this device, oldest first. */
export async function loadAccounts(): Promise<Account[]> {
  return (await db().accounts.orderBy("id").toArray()).sort(oldestFirst);
}

/** Every account with its tokens by generation, oldest first. */
export async function loadAccountsWithTokens(): Promise<AccountWithTokens[]> {
  const [accounts, tokens] = await Promise.all([db().accounts.toArray(), db().tokens.toArray()]);
  return accounts.sort(oldestFirst).map((account) => ({
    account,
    tokens: Object.fromEntries(
      tokens.filter((token) => token.accountId === account.id).map((token) => [token.generation, token]),
    ),
  }));
}
