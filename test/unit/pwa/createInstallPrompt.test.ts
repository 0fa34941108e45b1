import { createRoot } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type BeforeInstallPromptEvent,
  createInstallPrompt,
  type InstallEnvironment,
  isIosSafari,
  makeInstallPromptListener,
} from "../../../src/ui/pwa/createInstallPrompt";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const IPAD_AS_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
const IPHONE_CHROME =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1";

/** A page of its own: an event target, a display-mode query that can change, a user agent. */
function environment(userAgent = CHROME, maxTouchPoints = 0, standalone = false) {
  const target = new EventTarget() as unknown as InstallEnvironment["target"];
  const media = Object.assign(new EventTarget(), {
    matches: standalone,
    media: "(display-mode: standalone)",
  });
  const env: InstallEnvironment = {
    target,
    matchMedia: () => media as unknown as MediaQueryList,
    navigator: { userAgent, maxTouchPoints },
  };
  const becomeStandalone = () => {
    media.matches = true;
    media.dispatchEvent(Object.assign(new Event("change"), { matches: true }));
  };
  return { env, target: target as unknown as EventTarget, becomeStandalone };
}

function offer(outcome: "accepted" | "dismissed" = "accepted") {
  const event = new Event("beforeinstallprompt", { cancelable: true }) as BeforeInstallPromptEvent;
  const prompt = vi.fn(async () => {});
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome, platform: "web" }) });
  return { event, prompt };
}

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function inRoot<T>(make: () => T): T {
  return createRoot((done) => {
    dispose = done;
    return make();
  });
}

describe("makeInstallPromptListener", () => {
  it("keeps the browser's offer for our button, tells installs, and stops on cleanup", () => {
    const { env, target } = environment();
    const onOffer = vi.fn();
    const onInstalled = vi.fn();
    const stop = makeInstallPromptListener({ onOffer, onInstalled }, env);
    const { event } = offer();
    target.dispatchEvent(event);
    expect(onOffer).toHaveBeenCalledWith(event);
    expect(event.defaultPrevented).toBe(true);
    target.dispatchEvent(new Event("appinstalled"));
    expect(onInstalled).toHaveBeenCalledTimes(1);
    stop();
    target.dispatchEvent(offer().event);
    target.dispatchEvent(new Event("appinstalled"));
    expect(onOffer).toHaveBeenCalledTimes(1);
    expect(onInstalled).toHaveBeenCalledTimes(1);
  });
});

describe("createInstallPrompt", () => {
  it("is available once the browser offers, prompts once, and is installed after appinstalled", async () => {
    const { env, target } = environment();
    const installer = inRoot(() => createInstallPrompt(env));
    expect(installer.state()).toBe("unavailable");
    const { event, prompt } = offer("accepted");
    target.dispatchEvent(event);
    expect(installer.state()).toBe("available");
    expect(await installer.install()).toBe("accepted");
    expect(prompt).toHaveBeenCalledTimes(1);
    await expect(installer.install()).rejects.toThrow(/has not offered/);
    target.dispatchEvent(new Event("appinstalled"));
    expect(installer.state()).toBe("installed");
    target.dispatchEvent(offer().event);
    expect(installer.state()).toBe("installed");
  });

  it("reads an app already running standalone as installed, and a switch to standalone too", () => {
    expect(inRoot(() => createInstallPrompt(environment(CHROME, 0, true).env)).state()).toBe("installed");
    dispose?.();
    const { env, becomeStandalone } = environment();
    const installer = inRoot(() => createInstallPrompt(env));
    becomeStandalone();
    expect(installer.state()).toBe("installed");
  });

  it("stops listening when its owner is disposed", () => {
    const { env, target } = environment();
    const installer = inRoot(() => createInstallPrompt(env));
    dispose?.();
    dispose = undefined;
    target.dispatchEvent(offer().event);
    expect(installer.state()).toBe("unavailable");
  });

  it("on Safari for iOS (no beforeinstallprompt) says to add it to the home screen", () => {
    expect(inRoot(() => createInstallPrompt(environment(IPHONE_SAFARI, 5).env)).state()).toBe(
      "add-to-home-screen",
    );
  });
});

describe("isIosSafari", () => {
  it("knows Safari on iPhone and on an iPad that reports a Mac, and nothing else", () => {
    const on = (ua: string, touch: number) => isIosSafari(environment(ua, touch).env);
    expect(on(IPHONE_SAFARI, 5)).toBe(true);
    expect(on(IPAD_AS_MAC, 5)).toBe(true);
    expect(on(IPAD_AS_MAC, 0)).toBe(false);
    expect(on(IPHONE_CHROME, 5)).toBe(false);
    expect(on(CHROME, 0)).toBe(false);
  });
});
