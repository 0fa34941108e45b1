import type { IndexableType } from "dexie";
import * as oauth from "oauth4webapi";
import { type Account, db, dropAccountLists, type StoredToken } from "../db";
import { v3OAuthFor } from "./oauthClient";
import { timeoutNote } from "./timeout";
import { readToken } from "./tokens";

export interface SignOutResult {
  /** Revocations that failed: the tokens were dropped here anyway, but may stay valid at the server. */
  revokeFailures: string[];
}

/**
 * Signs the account out on this device: drops every token, then revokes the v3 ones where the
 * server offers revocation (unconfirmed for PKCE clients, so a failure is reported, not fatal).
 * Dropped first, so that a revoke endpoint that fails or never answers (it gets 15 s) cannot keep
 * them on the device. Cached data stays.
 */
export async function signOut(accountId: string): Promise<SignOutResult> {
  const account = await db().accounts.get(accountId);
  const v3 = await readToken(accountId, "v3");
  await db().tokens.bulkDelete([
    [accountId, "v2"],
    [accountId, "v3"],
  ]);
  return { revokeFailures: account && v3 ? await revokeV3(account, v3) : [] };
}

async function revokeV3(account: Account, token: StoredToken): Promise<string[]> {
  if (!account.endpoints.v3Revoke || !account.v3ClientId) return [];
  const { as, client, clientAuth, options } = await v3OAuthFor(account);
  const failures: string[] = [];
  // The refresh token first: it is the long-lived secret; revoking it also ends its access tokens.
  const tokens = [token.refreshToken, token.accessToken].filter((value): value is string => Boolean(value));
  for (const value of tokens) {
    try {
      const response = await oauth.revocationRequest(as, client, clientAuth, value, options);
      await oauth.processRevocationResponse(response);
    } catch (error) {
      const reason = `${(error as Error).message}${timeoutNote(error)}`;
      failures.push(`Revoking a token at ${account.endpoints.v3Revoke} failed: ${reason}`);
    }
  }
  return failures;
}

/**
 * "Sign out and erase this account's data from this device": deletes the account's rows from
 * every table that carries an accountId (tokens and sign-in attempts included, and its send lists,
 * whose dataset ids start with `${accountId}|`) in one transaction, then revokes the v3 tokens as
 * a best effort that reports its failures. The data goes first: a revoke endpoint that never
 * answers must not leave the tokens and the personal data on the device. Other accounts are
 * untouched. Tables added by later schema versions are covered as long as their rows carry
 * accountId or dataset.
 */
export async function eraseAccount(
  accountId: string,
  options: {
    /** Called once the local data is gone, before the revocation (up to 15 s a token). */
    onLocalDataErased?: () => void;
  } = {},
): Promise<SignOutResult> {
  const account = await db().accounts.get(accountId);
  const v3 = await readToken(accountId, "v3");
  const database = db();
  await database.transaction("rw", database.tables, async () => {
    // Send chunks carry their list's number, not the account: they go with the account's lists.
    await dropAccountLists(accountId);
    for (const table of database.tables) await deleteAccountRows(table, accountId);
  });
  options.onLocalDataErased?.();
  return { revokeFailures: account && v3 ? await revokeV3(account, v3) : [] };
}

type AnyTable = ReturnType<typeof db>["tables"][number];

/** An index (or the primary key) whose first key path is `field`, and how many parts it has. */
function indexStartingWith(table: AnyTable, field: string): { name: string; width: number } | undefined {
  const primary = table.schema.primKey;
  for (const index of [primary, ...table.schema.indexes]) {
    const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
    if (paths[0] === field) return { name: index === primary ? ":id" : index.name, width: paths.length };
  }
  return undefined;
}

/**
 * Bounds covering every key whose first part lies between `low` and `high`. In IndexedDB's key
 * order a shorter array sorts before its extensions, and an array after any string or number, so
 * `[low]` … `[high, []]` spans every compound key starting with a value in that range.
 */
function firstPartRange(low: string, high: string, width: number): [IndexableType, IndexableType] {
  return width === 1 ? [low, high] : [[low], [high, []]];
}

async function deleteAccountRows(table: AnyTable, accountId: string): Promise<void> {
  if (table.name === "accounts") {
    await table.delete(accountId);
    return;
  }
  const byAccount = indexStartingWith(table, "accountId");
  const byDataset = indexStartingWith(table, "dataset");
  if (byAccount) {
    // A range on the (compound) index: other accounts' rows are never even read.
    const [low, high] = firstPartRange(accountId, accountId, byAccount.width);
    await table.where(byAccount.name).between(low, high, true, true).delete();
  } else if (byDataset) {
    const prefix = `${accountId}|`;
    const [low, high] = firstPartRange(prefix, `${prefix}\uffff`, byDataset.width);
    await table.where(byDataset.name).between(low, high, true, true).delete();
  } else {
    // Small tables with no index on the account (settings, budget): a scan is cheap.
    await table.filter((row: { accountId?: unknown }) => row.accountId === accountId).delete();
  }
}
