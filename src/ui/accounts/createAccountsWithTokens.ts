import { type Account, db, type StoredToken } from "../../db";
import { createLiveQuery } from "../primitives/createLiveQuery";

export interface AccountWithTokens {
  account: Account;
  tokens: Partial<Record<"v2" | "v3", StoredToken>>;
}

/**
 * Every account with its tokens, oldest first, kept live: a refresh in another tab or the worker
 * shows here at once.
 * @example const rows = createAccountsWithTokens(); <For each={rows.value()}>{…}</For>
 */
export function createAccountsWithTokens() {
  return createLiveQuery(
    () => null,
    async (): Promise<AccountWithTokens[]> => {
      const [accounts, tokens] = await Promise.all([db().accounts.toArray(), db().tokens.toArray()]);
      return accounts
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((account) => ({
          account,
          tokens: Object.fromEntries(
            tokens
              .filter((token) => token.accountId === account.id)
              .map((token) => [token.generation, token]),
          ),
        }));
    },
  );
}
