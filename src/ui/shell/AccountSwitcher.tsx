import { For, Show } from "solid-js";
import { chooseAccount, createCurrentAccount } from "../primitives/createCurrentAccount";

/** The header's account picker: shown once there is more than one account to pick from. */
export function AccountSwitcher() {
  const current = createCurrentAccount();
  const accounts = () => current.accounts() ?? [];
  return (
    <Show when={accounts().length > 0}>
      <Show
        when={accounts().length > 1}
        fallback={<span class="account-name">{current.account()?.label}</span>}
      >
        <label class="account-switcher">
          <span class="visually-hidden">Account</span>
          <select value={current.id() ?? ""} onChange={(event) => chooseAccount(event.currentTarget.value)}>
            <For each={accounts()}>
              {(account) => (
                <option value={account.id}>
                  {account.label}
                  {account.sandbox ? " (Sandbox)" : ""}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
    </Show>
  );
}
