import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type LaunchOptions } from "playwright-core";

/** Debian's Chromium: `playwright install` cannot download anything on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without these flags Chromium keeps calling home on this closed network and stalls.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const launchOptions: LaunchOptions = { executablePath: CHROMIUM_PATH, args: ARGS, headless: true };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/**
 * A profile on disk. Needed wherever Chromium must behave as for a real user: a plain context is
 * incognito, where it refuses installation.
 */
export async function launchPersistent(
  options: { permissions?: string[]; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "mailroom-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launchOptions,
    permissions: options.permissions,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
