import { createRoot } from "solid-js";
import { createInstallPrompt, type InstallPrompt } from "./createInstallPrompt";

let shared: { prompt: InstallPrompt; dispose: () => void } | undefined;

/**
 * The page's one install prompt, shared by every screen that offers installation. The browser
 * sends its offer once per page load, often before Settings or the first-run screen is open: the
 * shell calls this at start so that the offer is kept until a screen shows the button.
 * @example const installer = useInstallPrompt(); installer.state() === "available"
 */
export function useInstallPrompt(): InstallPrompt {
  shared ??= createRoot((dispose) => ({ prompt: createInstallPrompt(), dispose }));
  return shared.prompt;
}

/**
 * Stops the shared prompt's listeners (tests, between pages of their own).
 * @example afterEach(() => disposeInstallPrompt());
 */
export function disposeInstallPrompt(): void {
  shared?.dispose();
  shared = undefined;
}
