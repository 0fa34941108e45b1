import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { TimeText } from "../format/TimeText";
import { createNow } from "../primitives/createNow";
import { type ErrorContext, errorAdvice } from "./errorAdvice";
import { toErrorInfo } from "./errorInfo";

/**
 * A failure shown by kind: a title, what the user can do, the original message for support, and
 * a retry when the caller offers one.
 */
export function ErrorNotice(props: {
  error: unknown;
  context?: ErrorContext;
  onRetry?: () => void;
  /** Inline (inside a row) rather than a panel. */
  compact?: boolean;
}) {
  const now = createNow(60_000);
  const info = () => toErrorInfo(props.error);
  const advice = () => errorAdvice(info(), props.context ?? "general", now());
  return (
    <div class={props.compact ? "error-notice compact" : "error-notice panel error"} role="alert">
      <p class="error-title">
        <strong>{advice().title}</strong>
        <Show when={info().at}>
          {(at) => (
            <span class="muted">
              {" "}
              · <TimeText at={at()} now={now()} />
            </span>
          )}
        </Show>
      </p>
      <p>{advice().advice}</p>
      <p class="muted error-message">{info().message}</p>
      <Show when={advice().link || props.onRetry}>
        <p class="actions">
          <Show when={props.onRetry}>
            {(retry) => (
              <button type="button" onClick={() => retry()()}>
                Try again
              </button>
            )}
          </Show>
          <Show when={advice().link}>{(link) => <A href={link().href}>{link().label}</A>}</Show>
        </p>
      </Show>
    </div>
  );
}
