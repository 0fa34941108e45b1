import { createSignal, Match, Show, Switch } from "solid-js";
import { useInstallPrompt } from "./useInstallPrompt";

/**
 * "Install Mailroom" where the browser offers installation, how to add it to the home screen on
 * Safari for iOS, and nothing once it is installed or where neither applies. As a `panel` (in
 * Settings) it brings its own heading, and the whole panel goes with it.
 */
export function InstallApp(props: { panel?: boolean }) {
  const installer = useInstallPrompt();
  const [failure, setFailure] = createSignal<string>();
  const install = async () => {
    setFailure(undefined);
    try {
      await installer.install();
    } catch (error) {
      setFailure(`Installing did not start: ${(error as Error).message}`);
    }
  };
  const shown = () =>
    installer.state() === "available" || installer.state() === "add-to-home-screen" || Boolean(failure());
  const choice = () => (
    <Switch>
      <Match when={installer.state() === "available"}>
        <p class="install-app">
          <button type="button" onClick={install}>
            Install Mailroom
          </button>{" "}
          <span class="muted">It opens in its own window and works offline.</span>
        </p>
      </Match>
      <Match when={installer.state() === "add-to-home-screen"}>
        <p class="install-app muted">
          To install Mailroom on this device, tap Share, then Add to Home Screen.
        </p>
      </Match>
      <Match when={failure()}>
        {(text) => (
          <p class="field-error" role="alert">
            {text()}
          </p>
        )}
      </Match>
    </Switch>
  );
  return (
    <Show when={shown()}>
      <Show when={props.panel} fallback={choice()}>
        <section class="panel" aria-labelledby="install-heading">
          <h2 id="install-heading">Install</h2>
          {choice()}
        </section>
      </Show>
    </Show>
  );
}
