/** Previous / next over a list read `size` rows at a time from `offset`, of `total` rows. */
export function OffsetPager(props: {
  label: string;
  offset: number;
  size: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  return (
    <nav class="pager" aria-label={props.label}>
      <button
        type="button"
        class="secondary"
        disabled={props.offset === 0}
        onClick={() => props.onOffset(Math.max(0, props.offset - props.size))}
      >
        ‹ Previous
      </button>
      <button
        type="button"
        class="secondary"
        disabled={props.offset + props.size >= props.total}
        onClick={() => props.onOffset(props.offset + props.size)}
      >
        Next ›
      </button>
    </nav>
  );
}
