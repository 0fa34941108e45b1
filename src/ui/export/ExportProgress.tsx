import { Show } from "solid-js";
import { formatCount } from "../format/number";

/**
 * Rows written so far, as a native progress bar (role progressbar, with aria values) and as text;
 * indeterminate while the total is unknown. Cancel stops the export at its next page.
 */
export function ExportProgress(props: { rows: number; total?: number; onCancel(): void }) {
  const text = () =>
    props.total === undefined
      ? `${formatCount(props.rows)} rows written`
      : `${formatCount(props.rows)} of ${formatCount(props.total)} rows written`;
  return (
    <div class="export-progress">
      <Show when={props.total !== undefined}>
        <progress
          aria-label="Export progress"
          max={Math.max(props.total ?? 0, 1)}
          value={props.rows}
          aria-valuemin={0}
          aria-valuemax={props.total}
          aria-valuenow={props.rows}
          aria-valuetext={text()}
        />
      </Show>
      <span>{text()}</span>
      <button type="button" class="secondary" onClick={() => props.onCancel()}>
        Cancel export
      </button>
    </div>
  );
}
