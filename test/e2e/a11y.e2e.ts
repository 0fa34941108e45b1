import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { connectSandboxAccount } from "./support/signIn";

// axe-core on every screen, with real data in it, in the light and the dark theme: no serious or
// critical violation (contrast included) is allowed.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TINY = "Test send to 3 people";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let app: RunningApp;
let browser: PersistentBrowser;
let page: Page;
const screens: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp();
  browser = await launchPersistent();
  page = await browser.context.newPage();
  await connectSandboxAccount(page, app.url);
  await page.locator(".activity-card").first().waitFor({ timeout: 60_000 });
  screens.activities = page.url();
  await page.locator(".activity-card a.activity-title").first().click();
  await page.getByRole("img", { name: /^Timeline:/ }).waitFor();
  screens.detail = page.url();
  await page.goto(`${app.url}/campaigns`);
  const row = page.locator(".send-list", {
    has: page.getByRole("link", { name: `Open sends of Primary email of ${TINY}` }),
  });
  await row.waitFor({ timeout: 30_000 });
  await row.getByRole("button", { name: `Sync Primary email of ${TINY}` }).click();
  await row.getByText(/3\s*of 3\s*sends cached/).waitFor({ timeout: 30_000 });
  screens.campaigns = page.url();
  await row.getByRole("link", { name: `Open sends of Primary email of ${TINY}` }).click();
  await page.getByText("3 sends", { exact: true }).waitFor();
  screens.sends = page.url();
  screens.settings = `${app.url}/settings`;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function seriousViolations(theme: "light" | "dark"): Promise<Violation[]> {
  await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
  // The app's CSP (script-src 'self') refuses addScriptTag's inline script; DevTools evaluation
  // is not subject to it, so axe is evaluated as source instead.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  })) as Violation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const describeViolations = (violations: Violation[]) =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

describe("accessibility of every screen (axe-core)", () => {
  for (const name of ["activities", "detail", "campaigns", "sends", "settings"]) {
    it(`${name}: no serious or critical violation in light and dark, on a desktop and a phone`, async () => {
      await page.goto(screens[name] ?? "");
      await page.locator("main h1").first().waitFor();
      // Let live queries answer so axe sees the screen with its data.
      await page.waitForLoadState("networkidle");
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        for (const theme of ["light", "dark"] as const) {
          const found = describeViolations(await seriousViolations(theme));
          expect(found, `${name} in ${theme} at ${width} px`).toEqual([]);
        }
      }
    });
  }
});

describe("the theme", () => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const setTheme = (theme: string | null) =>
    page.evaluate((t) => {
      if (t === null) document.documentElement.removeAttribute("data-theme");
      else document.documentElement.setAttribute("data-theme", t);
    }, theme);

  it("follows the system unless Settings chose one", async () => {
    await page.goto(screens.settings ?? "");
    await page.locator("main h1").first().waitFor();
    const LIGHT = "rgb(247, 248, 250)";
    const DARK = "rgb(18, 22, 27)";
    await page.emulateMedia({ colorScheme: "dark" });
    await setTheme(null);
    expect(await background()).toBe(DARK);
    await setTheme("light");
    expect(await background()).toBe(LIGHT);
    await page.emulateMedia({ colorScheme: "light" });
    await setTheme(null);
    expect(await background()).toBe(LIGHT);
    await setTheme("dark");
    expect(await background()).toBe(DARK);
    await setTheme(null);
  });
});
