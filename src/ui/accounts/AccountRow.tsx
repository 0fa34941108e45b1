import { For, Show } from "solid-js";
import type { Generation } from "../../db";
import { AlertText } from "../errors/AlertText";
import { createNow } from "../primitives/createNow";
import { eraseMessage, signInMessage, signOutMessage } from "./accountActions";
import type { AccountWithTokens } from "./createAccountsWithTokens";
import { createRowAction } from "./createRowAction";
import { EraseAccountButton } from "./EraseAccountButton";
import { TokenStatus } from "./TokenStatus";

/** One account in Settings: its sign-in state per API generation and what can be done about it. */
export function AccountRow(props: {
  row: AccountWithTokens;
  /** The erase's outcome: the row is gone by then, so the section shows it. */
  onErased: (message: string) => void;
}) {
  const now = createNow(30_000);
  const account = () => props.row.account;
  const { busy, message, error, act } = createRowAction();
  const signIn = (generation: Generation) => act(() => signInMessage(account(), generation));
  const erase = () =>
    act(async () => {
      props.onErased(await eraseMessage(account()));
      return undefined;
    });
  const signedIn = () => Object.values(props.row.tokens).length > 0;

  return (
    <li class="account-row" aria-label={account().label}>
      <h3>
        {account().label}
        <Show when={account().sandbox}>
          <span class="muted"> (Sandbox)</span>
        </Show>
      </h3>
      <ul class="account-generations">
        <For each={account().generations}>
          {(generation) => (
            <li>
              <strong>{generation}</strong>: <TokenStatus token={props.row.tokens[generation]} now={now()} />{" "}
              <button type="button" disabled={busy()} onClick={() => signIn(generation)}>
                Sign in with {generation}
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={busy() || !signedIn()}
          onClick={() => act(() => signOutMessage(account()))}
        >
          Sign out
        </button>
        <EraseAccountButton label={account().label} busy={busy()} onErase={erase} />
      </div>
      <Show when={message()}>{(text) => <p role="status">{text()}</p>}</Show>
      <AlertText text={error()} class="error-message" />
    </li>
  );
}
