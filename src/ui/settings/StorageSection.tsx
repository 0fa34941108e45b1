import { Match, Show, Switch } from "solid-js";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatBytes } from "../format/number";
import { createStorageStatus } from "../primitives/createStorageStatus";

/** Storage used and available, whether it is persistent, and a way to ask for it. */
export function StorageSection() {
  const storage = createStorageStatus();
  return (
    <section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this device</h2>
      <Show when={storage.supported} fallback={<p>This browser does not report its storage.</p>}>
        <p>
          <Show when={storage.usage() !== undefined} fallback="Measuring…">
            {formatBytes(storage.usage() ?? 0)} used of {formatBytes(storage.quota() ?? 0)} available to
            Mailroom.
          </Show>
        </p>
        <Switch>
          <Match when={storage.persisted() === true}>
            <p>Storage is persistent: the browser will not erase Mailroom's data to free space.</p>
          </Match>
          <Match when={storage.persisted() === false}>
            <p>
              Storage is not persistent: under pressure the browser may erase cached send lists. Ask to keep
              them.
            </p>
            <button type="button" onClick={() => void storage.requestPersistence()}>
              Keep Mailroom's data (persistent storage)
            </button>
          </Match>
        </Switch>
        <Show when={storage.lastRequest() === false}>
          <p role="status">
            The browser refused persistent storage. Browsers grant it more readily to installed apps and sites
            you use often; installing Mailroom usually helps.
          </p>
        </Show>
      </Show>
      <Show when={storage.error()}>{(error) => <ErrorNotice error={error()} compact />}</Show>
    </section>
  );
}
