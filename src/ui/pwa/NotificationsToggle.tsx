import { createSignal, Match, Switch } from "solid-js";

/**
 * Asks for notification permission only from this button (a user gesture), after saying why:
 * the worker tells the user when a bulk job ends, even with Mailroom in the background.
 */
export function NotificationsToggle() {
  const supported = typeof Notification !== "undefined";
  const [permission, setPermission] = createSignal<NotificationPermission>(
    supported ? Notification.permission : "denied",
  );
  const ask = async () => setPermission(await Notification.requestPermission());
  return (
    <div class="notifications-toggle">
      <Switch>
        <Match when={!supported}>
          <p class="muted">
            This browser cannot show notifications; finished jobs still appear in Activities.
          </p>
        </Match>
        <Match when={permission() === "granted"}>
          <p>Mailroom will notify you when an import, export or list removal ends.</p>
        </Match>
        <Match when={permission() === "denied"}>
          <p class="muted">
            Notifications are blocked for Mailroom. Allow them in the browser's site settings to hear when
            jobs end.
          </p>
        </Match>
        <Match when={permission() === "default"}>
          <p>Get a system notification when a bulk job ends, even while Mailroom is in the background.</p>
          <button type="button" onClick={() => void ask()}>
            Notify me when jobs finish
          </button>
        </Match>
      </Switch>
    </div>
  );
}
