import { createSignal, Show } from "solid-js";

/**
 * The redirect URI to paste into the Constant Contact application's settings, with a Copy button.
 * Copying can be refused (no permission, insecure context): then the user is told to copy by hand.
 */
export function RedirectUriField(props: { uri: string }) {
  const [outcome, setOutcome] = createSignal<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.uri);
      setOutcome("Copied.");
    } catch (failure) {
      setOutcome(`Could not copy (${(failure as Error).message}); select the address and copy it by hand.`);
    }
  };
  return (
    <div class="field">
      <label for="redirect-uri">Redirect URI (paste it into your Constant Contact application)</label>
      <div class="inline">
        <input
          id="redirect-uri"
          type="text"
          readOnly
          value={props.uri}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <Show when={outcome()}>
        {(text) => (
          <small class="muted" role="status">
            {text()}
          </small>
        )}
      </Show>
    </div>
  );
}
