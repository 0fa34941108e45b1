import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { type AccountErrors, type AccountInput, addAccount, validateAccountInput } from "../../auth/accounts";
import type { Account, Generation } from "../../db";
import { EndpointFields } from "./EndpointFields";
import { blankAccountInput, demoPreset, sandboxPreset } from "./formPresets";
import { RedirectUriField } from "./RedirectUriField";
import { redirectUri } from "./startSignIn";
import { TextField } from "./TextField";

type GenerationChoice = "v3" | "v2" | "both";
const GENERATIONS: Record<GenerationChoice, Generation[]> = { v3: ["v3"], v2: ["v2"], both: ["v3", "v2"] };
const choiceOf = (generations: Generation[]): GenerationChoice =>
  generations.length === 2 ? "both" : generations[0] === "v2" ? "v2" : "v3";

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
  const uses = (generation: Generation) => input.generations.includes(generation);
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
      <p class="actions">
        <button type="button" class="secondary" onClick={() => applyPreset(sandboxPreset)}>
          Sandbox
        </button>
        <button type="button" class="secondary" onClick={() => applyPreset(demoPreset)}>
          Explore with demo data
        </button>
      </p>
      <TextField
        id="account-label"
        label="Name"
        value={input.label}
        error={errors().label}
        onInput={(v) => setInput("label", v)}
      />
      <fieldset aria-describedby={errors().generations ? "generations-error" : undefined}>
        <legend>API generation</legend>
        {(["v3", "v2", "both"] as const).map((choice) => (
          <label class="choice">
            <input
              type="radio"
              name="generations"
              value={choice}
              checked={choiceOf(input.generations) === choice}
              onChange={() => setInput("generations", GENERATIONS[choice])}
            />
            {choice === "both" ? "Both v3 and v2" : choice === "v3" ? "v3 (current)" : "v2 (legacy)"}
          </label>
        ))}
        <Show when={errors().generations}>
          <small id="generations-error" class="field-error">
            {errors().generations}
          </small>
        </Show>
      </fieldset>
      <Show when={uses("v3")}>
        <TextField
          id="v3-client-id"
          label="v3 client id"
          value={input.v3ClientId ?? ""}
          hint="The API key of your v3 application."
          error={errors().v3ClientId}
          onInput={(v) => setInput("v3ClientId", v)}
        />
        <TextField
          id="scopes"
          label="Scopes"
          value={input.scopes ?? ""}
          hint="Space-separated. offline_access is needed to stay signed in."
          error={errors().scopes}
          onInput={(v) => setInput("scopes", v)}
        />
      </Show>
      <Show when={uses("v2")}>
        <TextField
          id="v2-api-key"
          label="v2 API key"
          value={input.v2ApiKey ?? ""}
          error={errors().v2ApiKey}
          onInput={(v) => setInput("v2ApiKey", v)}
        />
      </Show>
      <RedirectUriField uri={redirectUri()} />
      <EndpointFields
        endpoints={input.endpoints}
        errors={errors()}
        onChange={(name, value) => setInput("endpoints", name, value)}
      />
      <Show when={failure()}>
        {(text) => (
          <p class="field-error" role="alert">
            {text()}
          </p>
        )}
      </Show>
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
