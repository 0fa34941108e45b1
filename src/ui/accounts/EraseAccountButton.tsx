import { createSignal, Show } from "solid-js";

/** "Sign out and erase…", then a Yes/Cancel confirmation naming the account before anything goes. */
export function EraseAccountButton(props: { label: string; busy: boolean; onErase: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  return (
    <Show
      when={confirming()}
      fallback={
        <button type="button" class="secondary" disabled={props.busy} onClick={() => setConfirming(true)}>
          Sign out and erase this account's data from this device
        </button>
      }
    >
      <fieldset class="confirm">
        <legend>Erase every activity, campaign and send list of “{props.label}” from this device?</legend>
        <button
          type="button"
          class="danger"
          disabled={props.busy}
          onClick={() => {
            setConfirming(false);
            props.onErase();
          }}
        >
          Yes, erase
        </button>{" "}
        <button type="button" class="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </fieldset>
    </Show>
  );
}
