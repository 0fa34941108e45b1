import { createSignal, Show } from "solid-js";
import type { Endpoints } from "../../db";
import { relayedEndpoints, relayUrlProblem } from "./formPresets";

/**
 * One field for a relay (`npm run relay`, README: Relay): "Use relay" (or Enter) fills every
 * endpoint the relay carries at once. A wrong URL is explained and changes nothing; nothing is
 * filled while the URL is still being typed, so a half-typed host never lands in the endpoints.
 */
export function RelayUrlField(props: { onRelay: (endpoints: Partial<Endpoints>) => void }) {
  const [value, setValue] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const [used, setUsed] = createSignal<string>();
  const use = () => {
    const typed = value().trim();
    const found =
      typed === "" ? "Enter the relay's URL, e.g. https://relay.example.org." : relayUrlProblem(typed);
    setProblem(found);
    setUsed(undefined);
    if (found) return;
    props.onRelay(relayedEndpoints(typed));
    setUsed(new URL(typed).origin);
  };
  const describedBy = () => ["relay-url-hint", problem() ? "relay-url-error" : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for="relay-url">Relay URL</label>
      <div class="inline">
        <input
          id="relay-url"
          name="relay-url"
          type="url"
          value={value()}
          placeholder="https://relay.example.org"
          spellcheck={false}
          autocomplete="off"
          aria-invalid={problem() ? "true" : undefined}
          aria-describedby={describedBy()}
          onInput={(event) => setValue(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter here means "use this relay", not "connect" with half-filled endpoints.
            if (event.key !== "Enter") return;
            event.preventDefault();
            use();
          }}
        />
        <button type="button" class="secondary" onClick={use}>
          Use relay
        </button>
      </div>
      <small id="relay-url-hint" class="muted">
        When Constant Contact refuses this site (CORS): fills the API, token, revoke and token info URLs below
        with the relay's. The authorize pages stay on Constant Contact: the browser opens them itself.
      </small>
      <Show when={problem()}>
        {(text) => (
          <small id="relay-url-error" class="field-error">
            {text()}
          </small>
        )}
      </Show>
      <Show when={used()}>
        {(origin) => (
          <small class="muted" role="status">
            Endpoints now go through {origin()}.
          </small>
        )}
      </Show>
    </div>
  );
}
