import { db } from "../db";
import type { Account, Generation, StoredToken } from "../types";

export interface AccountSignIn {
  account: Account;
  tokens: Partial<Record<Generation, StoredToken>>;
}

/** One account and its tokens by generation, for createLiveQuery; undefined once it is removed. */
export async function loadAccountSignIn(accountId: string): Promise<AccountSignIn | undefined> {
  const [account, tokens] = await Promise.all([
    db().accounts.get(accountId),
    db().tokens.bulkGet([
      [accountId, "v3"],
      [accountId, "v2"],
    ]),
  ]);
  if (!account) return undefined;
  const held = tokens.filter((token): token is StoredToken => token !== undefined);
  return { account, tokens: Object.fromEntries(held.map((token) => [token.generation, token])) };
}
