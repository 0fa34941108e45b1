import { Show } from "solid-js";
import { formatAbsolute, formatRelative, type TimeInput, toIso } from "./time";

/**
 * A time shown as "3 min ago", with the exact local time as its tooltip and machine-readable
 * `datetime`, or absolute when `absolute` is set.
 */
export function TimeText(props: { at: TimeInput | undefined; now: number; absolute?: boolean }) {
  return (
    <Show when={props.at !== undefined && props.at} fallback={<span class="muted">—</span>}>
      {(at) => (
        <time datetime={toIso(at())} title={formatAbsolute(at())}>
          {props.absolute ? formatAbsolute(at()) : formatRelative(at(), props.now)}
        </time>
      )}
    </Show>
  );
}
