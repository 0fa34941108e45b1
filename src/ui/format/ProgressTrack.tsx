/**
 * The bar of a progress display, one markup for every screen: a track with its fill, exposed as
 * a progressbar with its percent (and words, when given) for screen readers. Without a percent it
 * is indeterminate: a short fill that the stylesheet animates.
 * @example <ProgressTrack label="Sync of Sends" percent={42} />
 */
export function ProgressTrack(props: { label: string; percent: number | undefined; valueText?: string }) {
  return (
    <div
      class="progress-track"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow={props.percent}
      aria-valuetext={props.valueText}
    >
      <div
        class="progress-fill"
        classList={{ indeterminate: props.percent === undefined }}
        style={{ width: `${props.percent ?? 30}%` }}
      />
    </div>
  );
}
