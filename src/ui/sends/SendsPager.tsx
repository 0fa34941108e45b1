/** First / previous / next / last: each is one keyset read, wherever the page is. */
export function SendsPager(props: {
  hasPrevious: boolean;
  hasNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
}) {
  return (
    <nav class="pager" aria-label="Pages of sends">
      <button type="button" class="secondary" disabled={!props.hasPrevious} onClick={() => props.onFirst()}>
        « First
      </button>
      <button
        type="button"
        class="secondary"
        disabled={!props.hasPrevious}
        onClick={() => props.onPrevious()}
      >
        ‹ Previous
      </button>
      <button type="button" class="secondary" disabled={!props.hasNext} onClick={() => props.onNext()}>
        Next ›
      </button>
      <button type="button" class="secondary" disabled={!props.hasNext} onClick={() => props.onLast()}>
        Last »
      </button>
    </nav>
  );
}
