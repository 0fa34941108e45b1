import { loadAccountsWithTokens } from "../../db/queries/accounts";
import { createLiveQuery } from "../primitives/createLiveQuery";

export type { AccountWithTokens } from "../../db/queries/accounts";

/**
 * Every account with its tokens, oldest first, kept live: a refresh in another tab or the worker
 * shows here at once.
 * @example const rows = createAccountsWithTokens(); <For each={rows.value()}>{…}</For>
 */
export function createAccountsWithTokens() {
  return createLiveQuery(() => null, loadAccountsWithTokens);
}
