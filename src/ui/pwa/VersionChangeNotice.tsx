import { createSignal, onCleanup, Show } from "solid-js";
import { db } from "../../db";

/**
 * Another tab opened a newer Mailroom whose database schema is newer than this tab's code. Dexie
 * closes this tab's connection so the upgrade can proceed; this tab must reload to get the new
 * code instead of failing on its next read.
 */
export function VersionChangeNotice() {
  const [outdated, setOutdated] = createSignal(false);
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    if (event.newVersion !== null && event.newVersion > 0) setOutdated(true);
  };
  db().on("versionchange", onVersionChange);
  onCleanup(() => db().on("versionchange").unsubscribe(onVersionChange));
  return (
    <Show when={outdated()}>
      <div class="toast" role="alert">
        <span>Mailroom was updated in another tab. Reload this tab to keep working.</span>
        <button type="button" onClick={() => window.location.reload()}>
          Reload this tab
        </button>
      </div>
    </Show>
  );
}
