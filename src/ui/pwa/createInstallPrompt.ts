import { type Accessor, createSignal, onCleanup } from "solid-js";

/** Chromium's installation offer; not in TypeScript's DOM library. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed"; platform: string }>;
}

/**
 * What this browser lets the page do about installing Mailroom:
 * - `installed`: running as the installed app (display-mode standalone), or just installed;
 * - `available`: the browser offered installation (`beforeinstallprompt`): a button can prompt;
 * - `add-to-home-screen`: Safari on iOS/iPadOS, which has no such event: Share → Add to Home Screen;
 * - `unavailable`: neither (already offered and declined, or a browser that cannot install).
 */
export type InstallState = "installed" | "available" | "add-to-home-screen" | "unavailable";

const STANDALONE = "(display-mode: standalone)";

/** Where the page runs, as far as installation goes; tests pass their own. */
export interface InstallEnvironment {
  target: Pick<Window, "addEventListener" | "removeEventListener">;
  matchMedia?: (query: string) => MediaQueryList;
  navigator: Pick<Navigator, "userAgent" | "maxTouchPoints"> & { standalone?: boolean };
}

const browserEnvironment = (): InstallEnvironment => ({
  target: window,
  matchMedia: typeof window.matchMedia === "function" ? (query) => window.matchMedia(query) : undefined,
  navigator,
});

export function isStandalone(env: InstallEnvironment): boolean {
  return env.matchMedia?.(STANDALONE).matches === true || env.navigator.standalone === true;
}

/**
 * Safari on iPhone or iPad, where installing is Share → Add to Home Screen. iPadOS reports a Mac,
 * so a "Macintosh" with a touch screen counts; other iOS browsers (CriOS, FxiOS, EdgiOS) cannot
 * add to the home screen on older systems and are left out.
 */
export function isIosSafari(env: InstallEnvironment): boolean {
  const ua = env.navigator.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && env.navigator.maxTouchPoints > 1);
  return ios && /Safari\//.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
}

/**
 * Plain setup: keeps the browser's installation offer for our own button (instead of its mini
 * info-bar) and tells when it arrives and when the app gets installed. Returns its cleanup.
 * @example
 * const stop = makeInstallPromptListener({
 *   onOffer: (event) => (offer = event),
 *   onInstalled: () => (offer = undefined),
 * });
 * // later: stop();
 */
export function makeInstallPromptListener(
  handlers: { onOffer: (event: BeforeInstallPromptEvent) => void; onInstalled: () => void },
  env: InstallEnvironment = browserEnvironment(),
): () => void {
  const offered = (event: Event) => {
    event.preventDefault();
    handlers.onOffer(event as BeforeInstallPromptEvent);
  };
  const installed = () => handlers.onInstalled();
  const standalone = env.matchMedia?.(STANDALONE);
  const modeChanged = (event: MediaQueryListEvent) => {
    if (event.matches) handlers.onInstalled();
  };
  env.target.addEventListener("beforeinstallprompt", offered);
  env.target.addEventListener("appinstalled", installed);
  standalone?.addEventListener?.("change", modeChanged);
  return () => {
    env.target.removeEventListener("beforeinstallprompt", offered);
    env.target.removeEventListener("appinstalled", installed);
    standalone?.removeEventListener?.("change", modeChanged);
  };
}

export interface InstallPrompt {
  state: Accessor<InstallState>;
  /** Shows the browser's install dialog; resolves with the user's answer. Only when `available`. */
  install(): Promise<"accepted" | "dismissed">;
}

/**
 * Reactive: where installing Mailroom stands, kept current for as long as the owner lives.
 * @example
 * const installer = createInstallPrompt();
 * <Show when={installer.state() === "available"}>
 *   <button onClick={() => installer.install()}>Install Mailroom</button>
 * </Show>
 */
export function createInstallPrompt(env: InstallEnvironment = browserEnvironment()): InstallPrompt {
  const fallback = (): InstallState => (isIosSafari(env) ? "add-to-home-screen" : "unavailable");
  const [state, setState] = createSignal<InstallState>(isStandalone(env) ? "installed" : fallback());
  let offer: BeforeInstallPromptEvent | undefined;
  const stop = makeInstallPromptListener(
    {
      onOffer: (event) => {
        offer = event;
        if (state() !== "installed") setState("available");
      },
      onInstalled: () => {
        offer = undefined;
        setState("installed");
      },
    },
    env,
  );
  onCleanup(stop);
  return {
    state,
    async install() {
      if (!offer) throw new Error("This browser has not offered to install Mailroom.");
      const event = offer;
      // An offer prompts once: the browser sends a new one later if the user declines.
      offer = undefined;
      setState(fallback());
      await event.prompt();
      const { outcome } = await event.userChoice;
      return outcome;
    },
  };
}
