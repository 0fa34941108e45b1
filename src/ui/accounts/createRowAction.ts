import { createSignal } from "solid-js";

/**
 * One account row's actions, one at a time: `act` disables the row while its work runs, then shows
 * the message the work returned or the failure it threw.
 * @example const { busy, act } = createRowAction(); act(async () => "Signed out.");
 */
export function createRowAction() {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, error, act };
}
