import { createMemo, createSignal, For, Show } from "solid-js";
import type { Account } from "../../db";
import { AlertText } from "../errors/AlertText";
import { AccountRow } from "./AccountRow";
import { ConnectAccountForm } from "./ConnectAccountForm";
import { createAccountsWithTokens } from "./createAccountsWithTokens";
import { startSignIn } from "./startSignIn";

/** The Accounts part of Settings: every account with its sign-in state, and the Connect form. */
export function AccountsSection() {
  const rows = createAccountsWithTokens();
  // Rows are keyed by account id, not by the row object a live query renews on every change, so
  // that a row (and the message it shows) survives its own token changing.
  const ids = createMemo(() => rows.value()?.map((row) => row.account.id) ?? [], [], {
    equals: (a, b) => a.join() === b.join(),
  });
  const rowOf = (id: string) => rows.value()?.find((row) => row.account.id === id);
  const [signInFailure, setSignInFailure] = createSignal<string>();
  const [signedIn, setSignedIn] = createSignal<string>();
  const [erased, setErased] = createSignal<string>();

  // A new account signs in to every generation it uses at once, one after the other (v3, then v2).
  const connected = async (account: Account) => {
    setSignInFailure(undefined);
    try {
      const result = await startSignIn(account, account.generations);
      if (result)
        setSignedIn(
          `“${account.label}” is connected and signed in.${result.notice ? ` ${result.notice}` : ""}`,
        );
    } catch (error) {
      setSignInFailure(`“${account.label}” was saved, but signing in failed: ${(error as Error).message}`);
    }
  };

  return (
    <section class="panel accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <Show when={rows.value()?.length === 0}>
        <p>No account is connected on this device yet.</p>
      </Show>
      <ul class="account-list">
        <For each={ids()}>
          {(id) => <Show when={rowOf(id)}>{(row) => <AccountRow row={row()} onErased={setErased} />}</Show>}
        </For>
      </ul>
      <Show when={erased()}>{(text) => <p role="status">{text()}</p>}</Show>
      <Show when={signedIn()}>{(text) => <p role="status">{text()}</p>}</Show>
      <AlertText text={signInFailure()} />
      <ConnectAccountForm onConnected={connected} />
    </section>
  );
}
