import type { Page } from "playwright-core";
import { afterEach, beforeEach } from "vitest";
import { type RunningApp, startApp } from "./app";
import { launchPersistent, type PersistentBrowser } from "./browser";
import { connectSandboxAccount } from "./signIn";

/**
 * Gives each test of the calling file its own app (a fresh sandbox) and its own persistent
 * browser, closed after the test, so each test stands alone. Read them in the test, not before:
 * they are made by the file's beforeEach.
 */
export function freshAppAndBrowserEachTest(): {
  readonly app: RunningApp;
  readonly browser: PersistentBrowser;
} {
  let app: RunningApp | undefined;
  let browser: PersistentBrowser | undefined;
  beforeEach(async () => {
    app = await startApp();
    browser = await launchPersistent();
  });
  afterEach(async () => {
    await browser?.close();
    await app?.close();
    [app, browser] = [undefined, undefined];
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The app and browser exist only inside a test.");
    return value;
  };
  return {
    get app() {
      return made(app);
    },
    get browser() {
      return made(browser);
    },
  };
}

/** Connects the sandbox's account in `page` (see connectSandboxAccount), then opens Campaigns. */
export async function signedInOnCampaigns(page: Page, appUrl: string): Promise<void> {
  await connectSandboxAccount(page, appUrl);
  await page.goto(`${appUrl}/campaigns`);
}
