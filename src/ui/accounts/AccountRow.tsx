import { createSignal, For, Show } from "solid-js";
import { eraseAccount, signOut } from "../../auth/signOut";
import type { Generation } from "../../db";
import { forgetAccountChoice } from "../primitives/createCurrentAccount";
import { createNow } from "../primitives/createNow";
import type { AccountWithTokens } from "./createAccountsWithTokens";
import { startSignIn } from "./startSignIn";
import { TokenStatus } from "./TokenStatus";

/** One account in Settings: its sign-in state per API generation and what can be done about it. */
export function AccountRow(props: {
  row: AccountWithTokens;
  /** The erase's outcome: the row is gone by then, so the section shows it. */
  onErased: (message: string) => void;
}) {
  const now = createNow(30_000);
  const account = () => props.row.account;
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [confirmingErase, setConfirmingErase] = createSignal(false);

  /** Runs one action with the row disabled, and shows its outcome or its failure. */
  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const signIn = (generation: Generation) =>
    act(async () => {
      const result = await startSignIn(account(), generation);
      return result ? `Signed in (${generation}).${result.notice ? ` ${result.notice}` : ""}` : undefined;
    });
  const revokeSummary = (failures: string[]) =>
    failures.length === 0
      ? ""
      : ` The server did not confirm the revocation, so the tokens may stay valid there until they expire: ${failures.join(" ")}`;
  const doSignOut = () =>
    act(
      async () => `Signed out on this device.${revokeSummary((await signOut(account().id)).revokeFailures)}`,
    );
  const doErase = () =>
    act(async () => {
      setConfirmingErase(false);
      const { id, label } = account();
      const { revokeFailures } = await eraseAccount(id, { onLocalDataErased: () => forgetAccountChoice(id) });
      props.onErased(
        `“${label}” was signed out and erased from this device.${revokeSummary(revokeFailures)}`,
      );
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
        <button type="button" class="secondary" disabled={busy() || !signedIn()} onClick={doSignOut}>
          Sign out
        </button>
        <Show
          when={confirmingErase()}
          fallback={
            <button
              type="button"
              class="secondary"
              disabled={busy()}
              onClick={() => setConfirmingErase(true)}
            >
              Sign out and erase this account's data from this device
            </button>
          }
        >
          <fieldset class="confirm">
            <legend>
              Erase every activity, campaign and send list of “{account().label}” from this device?
            </legend>
            <button type="button" class="danger" disabled={busy()} onClick={doErase}>
              Yes, erase
            </button>{" "}
            <button type="button" class="secondary" onClick={() => setConfirmingErase(false)}>
              Cancel
            </button>
          </fieldset>
        </Show>
      </div>
      <Show when={message()}>{(text) => <p role="status">{text()}</p>}</Show>
      <Show when={error()}>
        {(text) => (
          <p class="error-message" role="alert">
            {text()}
          </p>
        )}
      </Show>
    </li>
  );
}
