import { Show } from "solid-js";

/**
 * A failure said in one line, announced at once (role="alert"); nothing while `text` is empty.
 * @example <AlertText text={failure()} />
 */
export function AlertText(props: { text: string | undefined; class?: "field-error" | "error-message" }) {
  return (
    <Show when={props.text}>
      {(text) => (
        <p class={props.class ?? "field-error"} role="alert">
          {text()}
        </p>
      )}
    </Show>
  );
}
