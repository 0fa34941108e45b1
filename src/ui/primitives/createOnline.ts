import { type Accessor, createSignal, onCleanup } from "solid-js";

/**
 * Whether the browser believes it is online, kept current by the `online`/`offline` events.
 * @example const online = createOnline(); <Show when={!online()}>Offline</Show>
 */
export function createOnline(): Accessor<boolean> {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  onCleanup(() => {
    window.removeEventListener("online", update);
    window.removeEventListener("offline", update);
  });
  return online;
}
