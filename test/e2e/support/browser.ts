import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type LaunchOptions, type Page } from "playwright-core";

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

export interface PersistentBrowser {
  context: BrowserContext;
  /** What the Content-Security-Policy refused so far in this browser (console reports). */
  cspViolations(): string[];
  /** Closes the browser; throws if the policy refused anything during its life. */
  close(): Promise<void>;
}

/**
 * A profile on disk. Needed wherever Chromium must behave as for a real user: a plain context is
 * incognito, where it refuses installation.
 */
export async function launchPersistent(
  options: {
    permissions?: string[];
    viewport?: { width: number; height: number };
    extraArgs?: string[];
  } = {},
): Promise<PersistentBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "mailroom-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launchOptions,
    args: [...ARGS, ...(options.extraArgs ?? [])],
    permissions: options.permissions,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const violations = watchContentSecurityPolicy(context);
  return {
    context,
    cspViolations: () => [...violations],
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      // Every E2E run doubles as a CSP check: an inline script, eval or inline style that the
      // policy refused anywhere in the run fails the test that caused it.
      if (violations.length > 0) {
        throw new Error(`Content-Security-Policy violations during this test:\n${violations.join("\n")}`);
      }
    },
  };
}

/** Chromium reports each refused resource on the console of the page (or worker) that tried. */
function watchContentSecurityPolicy(context: BrowserContext): string[] {
  const violations: string[] = [];
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return violations;
}
