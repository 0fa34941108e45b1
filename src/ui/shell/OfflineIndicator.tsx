import { Show } from "solid-js";
import { createOnline } from "../primitives/createOnline";

export function OfflineIndicator() {
  const online = createOnline();
  return (
    <Show when={!online()}>
      <output
        class="offline-indicator"
        title="Cached activities and send lists, search and CSV export still work."
      >
        Offline — showing cached data
      </output>
    </Show>
  );
}
