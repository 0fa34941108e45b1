import { Show } from "solid-js";
import { useRegisterSW } from "virtual:pwa-register/solid";

/**
 * Prompt-mode updates: a new build waits until the user chooses to reload, so no open tab runs
 * old code against a new worker. "Ready to work offline" is said once, on the first install.
 */
export function ReloadPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  return (
    <div class="toasts" aria-live="polite">
      <Show when={offlineReady()}>
        <div class="toast" role="status">
          <span>Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>
            Close
          </button>
        </div>
      </Show>
      <Show when={needRefresh()}>
        <div class="toast" role="status">
          <span>A new version is ready.</span>
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            Reload
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      </Show>
    </div>
  );
}
