import { For } from "solid-js";
import type { AccountErrors } from "../../auth/accounts";
import type { Endpoints } from "../../db";
import { RelayUrlField } from "./RelayUrlField";
import { TextField } from "./TextField";

const FIELDS: { name: keyof Endpoints; label: string; hint?: string }[] = [
  { name: "v3Api", label: "v3 API base", hint: "Origin only; Mailroom appends /v3/…" },
  { name: "v3Authorize", label: "v3 authorize URL" },
  { name: "v3Token", label: "v3 token URL" },
  { name: "v3Revoke", label: "v3 revoke URL", hint: "Optional: leave empty if your server has none." },
  { name: "v2Api", label: "v2 API base", hint: "Origin only; Mailroom appends /v2/…" },
  { name: "v2Authorize", label: "v2 authorize URL" },
  { name: "v2TokenInfo", label: "v2 token info URL", hint: "Optional: used to check a new v2 token." },
];

/** Every endpoint of the account, for users behind a relay (or another CORS proxy) or on the sandbox. */
export function EndpointFields(props: {
  endpoints: Endpoints;
  errors: AccountErrors;
  onChange: (name: keyof Endpoints, value: string) => void;
}) {
  return (
    <details class="advanced" open={Object.keys(props.errors).some((name) => name in props.endpoints)}>
      <summary>Advanced: relay and endpoint URLs (CORS)</summary>
      <RelayUrlField
        onRelay={(relayed) => {
          for (const [name, url] of Object.entries(relayed)) props.onChange(name as keyof Endpoints, url);
        }}
      />
      <For each={FIELDS}>
        {(field) => (
          <TextField
            id={`endpoint-${field.name}`}
            label={field.label}
            type="url"
            value={props.endpoints[field.name]}
            hint={field.hint}
            error={props.errors[field.name]}
            onInput={(value) => props.onChange(field.name, value)}
          />
        )}
      </For>
    </details>
  );
}
