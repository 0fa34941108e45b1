import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { disposeInstallPrompt, useInstallPrompt } from "../../../src/ui/pwa/useInstallPrompt";
import { ActivitiesPage } from "../../../src/ui/routes/ActivitiesPage";
import SettingsPage from "../../../src/ui/routes/SettingsPage";
import { renderAt } from "../support/renderAt";
import { freshDb } from "../support/seed";

vi.stubGlobal("__MAILROOM_BUILD__", "test-build");

const showFirstRun = async () => {
  renderAt("/activities", "/activities", ActivitiesPage);
  await screen.findByText("No account yet");
};
const showSettings = async () => {
  renderAt("/settings", "/settings", SettingsPage);
  await screen.findByRole("heading", { name: "Accounts" });
};

/** What Chromium fires when Mailroom may be installed. */
function offerInstall() {
  const event = new Event("beforeinstallprompt", { cancelable: true });
  const prompt = vi.fn(async () => {});
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome: "accepted", platform: "web" }) });
  window.dispatchEvent(event);
  return prompt;
}

const realUserAgent = navigator.userAgent;
afterEach(() => {
  cleanup();
  disposeInstallPrompt();
  Object.defineProperty(navigator, "userAgent", { value: realUserAgent, configurable: true });
});

describe("Install Mailroom", () => {
  it.each([
    ["the first-run screen", showFirstRun],
    ["Settings", showSettings],
  ])("%s shows the button once the browser offers, and drops it once installed", async (_where, show) => {
    freshDb();
    await show();
    expect(screen.queryByRole("button", { name: "Install Mailroom" })).toBeNull();
    const prompt = offerInstall();
    fireEvent.click(await screen.findByRole("button", { name: "Install Mailroom" }));
    expect(prompt).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("appinstalled"));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Install Mailroom" })).toBeNull());
  });

  it("keeps an offer the browser made before the screen opened (the shell listens from the start)", async () => {
    freshDb();
    useInstallPrompt();
    offerInstall();
    await showFirstRun();
    expect(screen.getByRole("button", { name: "Install Mailroom" })).toBeTruthy();
  });

  it("appinstalled alone (installed from the browser's menu) drops the button too", async () => {
    freshDb();
    await showFirstRun();
    offerInstall();
    await screen.findByRole("button", { name: "Install Mailroom" });
    window.dispatchEvent(new Event("appinstalled"));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Install Mailroom" })).toBeNull());
  });

  it("on Safari for iOS, which offers no such event, says how to add it to the home screen", async () => {
    Object.defineProperty(navigator, "userAgent", {
      value:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      configurable: true,
    });
    freshDb();
    await showFirstRun();
    expect(await screen.findByText(/tap Share, then Add to Home Screen/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Install Mailroom" })).toBeNull();
  });
});
