import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { type AccountErrors, type AccountInput, addAccount, validateAccountInput } from "../../auth/accounts";
import type { Account } from "../../db";
import { AlertText } from "../errors/AlertText";
import { CredentialFields } from "./CredentialFields";
import { EndpointFields } from "./EndpointFields";
import { blankAccountInput } from "./formPresets";
import { GenerationChoiceField } from "./GenerationChoiceField";
import { PresetButtons } from "./PresetButtons";
import { RedirectUriField } from "./RedirectUriField";
import { redirectUri } from "./startSignIn";
import { TextField } from "./TextField";

/**
 * Connects a Constant Contact account: its credentials, scopes and endpoints, validated field by
 * field. Saving hands the new account to `onConnected`, which starts its sign-in.
 */
export function ConnectAccountForm(props: { onConnected: (account: Account) => void | Promise<void> }) {
  const [input, setInput] = createStore<AccountInput>(blankAccountInput());
  const [submitted, setSubmitted] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  // Messages appear once the user tried to save, then follow every keystroke.
  const errors = (): AccountErrors => (submitted() ? validateAccountInput(input) : {});
  let submitButton: HTMLButtonElement | undefined;

  const applyPreset = async (preset: () => AccountInput | Promise<AccountInput>) => {
    setFailure(undefined);
    try {
      setInput(await preset());
      submitButton?.focus();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    if (Object.keys(validateAccountInput(input)).length > 0) {
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setSaving(true);
    try {
      const account = await addAccount({ ...input, endpoints: { ...input.endpoints } });
      setInput(blankAccountInput());
      setSubmitted(false);
      await props.onConnected(account);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="connect-account" aria-labelledby="connect-heading" novalidate onSubmit={submit}>
      <h3 id="connect-heading">Connect an account</h3>
      <PresetButtons onPreset={(preset) => void applyPreset(preset)} />
      <TextField
        id="account-label"
        label="Name"
        value={input.label}
        error={errors().label}
        onInput={(v) => setInput("label", v)}
      />
      <GenerationChoiceField
        generations={input.generations}
        error={errors().generations}
        onChange={(generations) => setInput("generations", generations)}
      />
      <CredentialFields input={input} errors={errors()} onInput={(key, value) => setInput(key, value)} />
      <RedirectUriField uri={redirectUri()} />
      <EndpointFields
        endpoints={input.endpoints}
        errors={errors()}
        onChange={(name, value) => setInput("endpoints", name, value)}
      />
      <AlertText text={failure()} />
      <Show when={submitted() && Object.keys(errors()).length > 0}>
        <p class="field-error" role="alert">
          Some fields need attention: see the messages above.
        </p>
      </Show>
      <button type="submit" ref={submitButton} disabled={saving()}>
        Connect and sign in
      </button>
    </form>
  );
}
