import { Show } from "solid-js";

/** A labelled input with its hint and its validation message, both tied to it for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "url";
  placeholder?: string;
}) {
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? "text"}
        value={props.value}
        placeholder={props.placeholder}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.hint}>
        <small id={`${props.id}-hint`} class="muted">
          {props.hint}
        </small>
      </Show>
      <Show when={props.error}>
        <small id={`${props.id}-error`} class="field-error">
          {props.error}
        </small>
      </Show>
    </div>
  );
}
