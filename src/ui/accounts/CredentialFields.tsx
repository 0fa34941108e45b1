import { For, Show } from "solid-js";
import type { AccountErrors, AccountInput } from "../../auth/accounts";
import type { Generation } from "../../db";
import { TextField } from "./TextField";

type CredentialKey = "v3ClientId" | "scopes" | "v2ApiKey";

/** The credentials each generation needs, in the order the form shows them. */
const CREDENTIALS: {
  key: CredentialKey;
  generation: Generation;
  id: string;
  label: string;
  hint?: string;
}[] = [
  {
    key: "v3ClientId",
    generation: "v3",
    id: "v3-client-id",
    label: "v3 client id",
    hint: "The API key of your v3 application.",
  },
  {
    key: "scopes",
    generation: "v3",
    id: "scopes",
    label: "Scopes",
    hint: "Space-separated. offline_access is needed to stay signed in.",
  },
  { key: "v2ApiKey", generation: "v2", id: "v2-api-key", label: "v2 API key" },
];

/** The credential fields of the generations the account uses; the others are hidden. */
export function CredentialFields(props: {
  input: AccountInput;
  errors: AccountErrors;
  onInput: (key: CredentialKey, value: string) => void;
}) {
  return (
    <For each={CREDENTIALS}>
      {(field) => (
        <Show when={props.input.generations.includes(field.generation)}>
          <TextField
            id={field.id}
            label={field.label}
            value={props.input[field.key] ?? ""}
            hint={field.hint}
            error={props.errors[field.key]}
            onInput={(v) => props.onInput(field.key, v)}
          />
        </Show>
      )}
    </For>
  );
}
