import { type Accessor, createMemo, createSignal } from "solid-js";
import type { Account } from "../../db";
import { createAccounts } from "./createAccounts";

export const CURRENT_ACCOUNT_KEY = "mailroom.currentAccount";

function readStoredChoice(): string | undefined {
  try {
    return localStorage.getItem(CURRENT_ACCOUNT_KEY) ?? undefined;
  } catch (failure) {
    // Storage can be disabled by the browser's privacy settings: the choice is then per page load.
    console.warn("Mailroom cannot read the remembered account", failure);
    return undefined;
  }
}

// One choice for the whole page: the header switcher and every screen read the same signal.
const [chosenId, setChosenId] = createSignal<string | undefined>(readStoredChoice());

/** Remembers the account the user picked, for this page and the next visit. */
export function chooseAccount(id: string): void {
  setChosenId(id);
  try {
    localStorage.setItem(CURRENT_ACCOUNT_KEY, id);
  } catch (failure) {
    console.warn("Mailroom cannot remember the chosen account", failure);
  }
}

/** Forgets the remembered choice if it is `id` (an erased account leaves no trace behind). */
export function forgetAccountChoice(id: string): void {
  if (chosenId() === id) setChosenId(undefined);
  try {
    if (localStorage.getItem(CURRENT_ACCOUNT_KEY) === id) localStorage.removeItem(CURRENT_ACCOUNT_KEY);
  } catch (failure) {
    console.warn("Mailroom cannot forget the chosen account", failure);
  }
}

/** Re-reads the remembered choice (tests reset localStorage between cases). */
export function reloadAccountChoice(): void {
  setChosenId(readStoredChoice());
}

export interface CurrentAccount {
  /** Every connected account, oldest first; undefined while loading. */
  accounts: Accessor<Account[] | undefined>;
  /** The account the screens show: the remembered one if it still exists, else the first. */
  account: Accessor<Account | undefined>;
  id: Accessor<string | undefined>;
  loading: Accessor<boolean>;
}

/**
 * The account whose data the screens show. The accounts failing to read throws to the nearest
 * `ErrorBoundary`, as every live query does.
 * @example const current = createCurrentAccount(); <Show when={current.id()}>{(id) => <List accountId={id()} />}</Show>
 */
export function createCurrentAccount(): CurrentAccount {
  const accounts = createAccounts();
  const account = createMemo(() => {
    const list = accounts.value() ?? [];
    return list.find((a) => a.id === chosenId()) ?? list[0];
  });
  const id = createMemo(() => account()?.id);
  return { accounts: accounts.value, account, id, loading: accounts.loading };
}
