import { createSignal, Show } from "solid-js";
import { coverageOf } from "../../db/people/lists";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount, plural } from "../format/number";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createOnline } from "../primitives/createOnline";
import { createTask } from "../primitives/createTask";
import { askForPersistenceOnFirstSync } from "../work/persistence";
import { syncSends } from "../work/sync";

/**
 * What an answer could see, said plainly: "Found in 3 of 4 cached send lists; 1 send list is not
 * cached yet", with a button that syncs the missing ones one after the other (the Campaigns
 * screen's own sync), and Cancel.
 */
export function CoverageLine(props: { accountId: string; found?: number }) {
  const online = createOnline();
  const coverage = createLiveQuery(() => props.accountId, coverageOf);
  const [syncing, setSyncing] = createSignal<{ at: number; of: number }>();
  const sync = createTask(async (signal) => {
    void askForPersistenceOnFirstSync();
    const missing = coverage.value()?.notCached ?? [];
    try {
      for (const [i, dataset] of missing.entries()) {
        signal.throwIfAborted();
        setSyncing({ at: i + 1, of: missing.length });
        await syncSends(dataset, { signal });
      }
    } finally {
      setSyncing(undefined);
    }
  });
  const cachedText = () => {
    const cached = coverage.value()?.cached.length ?? 0;
    return props.found === undefined
      ? `Searching ${plural(cached, "cached send list")}`
      : `Found in ${formatCount(props.found)} of ${plural(cached, "cached send list")}`;
  };
  const notCached = () => coverage.value()?.notCached.length ?? 0;
  const partial = () => coverage.value()?.partial.length ?? 0;
  return (
    <div class="coverage">
      <Show when={coverage.error()}>{(error) => <ErrorNotice error={error()} compact />}</Show>
      <Show when={coverage.value()}>
        <p role="status">
          {cachedText()}
          {notCached() > 0
            ? `; ${plural(notCached(), "send list")} ${notCached() === 1 ? "is" : "are"} not cached yet`
            : "; every send list the campaign list knows is cached"}
          {partial() > 0 ? ` (${formatCount(partial())} of the cached ones not fully synced)` : ""}.
        </p>
        <Show when={notCached() > 0}>
          <p class="actions">
            <Show
              when={sync.running()}
              fallback={
                <button type="button" onClick={() => void sync.run()} disabled={!online()}>
                  Sync the {plural(notCached(), "missing send list")}
                </button>
              }
            >
              <span aria-live="polite">
                Syncing {syncing()?.at ?? 1} of {syncing()?.of ?? notCached()}…
              </span>{" "}
              <button type="button" class="secondary" onClick={() => sync.cancel()}>
                Cancel <span class="visually-hidden">syncing the missing send lists</span>
              </button>
            </Show>
            <Show when={!online()}>
              <span class="muted"> You are offline: sync them once the connection returns.</span>
            </Show>
          </p>
        </Show>
      </Show>
      <Show when={sync.error()}>{(error) => <ErrorNotice error={error()} context="sends" compact />}</Show>
    </div>
  );
}
