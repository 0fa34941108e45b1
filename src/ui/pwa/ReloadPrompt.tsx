import { useRegisterSW } from "virtual:pwa-register/solid";
import { Show } from "solid-js";
import { VersionChangeNotice } from "./VersionChangeNotice";

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Prompt-mode updates: a new build waits until the user chooses to reload, so no open tab runs
 * old code against a new worker. "Ready to work offline" is said once, on the first install.
 */
export function ReloadPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onRegisteredSW: (_url, registration) => {
      // Look for a new build hourly, but not while offline: the check would only fail.
      if (registration) setInterval(() => navigator.onLine && void registration.update(), UPDATE_CHECK_MS);
    },
  });

  const reload = () => {
    // Reload once the new worker controls the page. workbox-window only reloads for updates it
    // found itself; this also covers one found by another tab or by the browser.
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
      once: true,
    });
    void updateServiceWorker(true);
  };

  return (
    <div class="toasts" aria-live="polite">
      <VersionChangeNotice />
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
          <button type="button" onClick={reload}>
            Reload
          </button>
          <button type="button" class="secondary" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      </Show>
    </div>
  );
}
