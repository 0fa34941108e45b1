import { loadAccounts } from "../../db/queries/accounts";
import { createLiveQuery } from "./createLiveQuery";

/**
 * Every account connected on this device, oldest first, kept live.
 * @example const accounts = createAccounts(); <For each={accounts.value()}>{(a) => a.label}</For>
 */
export function createAccounts() {
  return createLiveQuery(() => null, loadAccounts);
}
