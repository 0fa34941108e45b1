/** The last line of defence: an error nobody handled is still shown, with a way forward. */
export function ErrorPanel(props: { error: unknown; onRetry: () => void }) {
  const message = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <section class="panel error" role="alert">
      <h2>Something went wrong on this screen</h2>
      <p>{message()}</p>
      <p>Your cached data is safe. Try again, or reload Mailroom.</p>
      <button type="button" onClick={() => props.onRetry()}>
        Try again
      </button>
    </section>
  );
}
