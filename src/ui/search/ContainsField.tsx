import { onCleanup } from "solid-js";

// Typing "ann" fires one search, not three.
export const TYPING_PAUSE_MS = 200;

/**
 * "Email or name contains": the search box of Sends and People. `onSettled` gets the text once
 * typing pauses for TYPING_PAUSE_MS.
 */
export function ContainsField(props: { value?: string; onSettled: (text: string) => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  return (
    <label class="search">
      Email or name contains
      <input
        type="search"
        autocomplete="off"
        spellcheck={false}
        value={props.value ?? ""}
        onInput={(e) => {
          const value = e.currentTarget.value;
          clearTimeout(timer);
          timer = setTimeout(() => props.onSettled(value), TYPING_PAUSE_MS);
        }}
      />
    </label>
  );
}
