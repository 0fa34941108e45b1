import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { waitForController } from "./support/worker";

let server: StaticServer;
let browser: PersistentBrowser;

beforeEach(async () => {
  server = await startStaticServer({ root: inject("distDir"), sandboxOrigin: "http://127.0.0.1:9" });
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await server.close();
});

/** Opens the app and waits until its service worker controls the page. */
async function openControlled(path = "/activities"): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + path);
  await waitForController(page);
  return page;
}

describe("Mailroom as an installable PWA", () => {
  it("is installable: Chromium reports no installability errors", async () => {
    const page = await openControlled();
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ display: "standalone", start_url: "/activities", scope: "/" });
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain("maskable");
    expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(["/activities", "/campaigns"]);
  });

  it("activates its service worker and says once that it is ready to work offline", async () => {
    const page = await openControlled();
    // `ready` and control come while the worker is still "activating"; it must then finish.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", undefined, {
      timeout: 10_000,
    });
    await expect.poll(() => page.getByText("Ready to work offline.").count()).toBe(1);
    await page.reload();
    await page.getByRole("heading", { name: "Bulk activities" }).waitFor();
    expect(await page.getByText("Ready to work offline.").count()).toBe(0);
  });

  it("renders the shell from a reload with the network cut, on any in-app path", async () => {
    const page = await openControlled();
    await browser.context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: "Bulk activities" }).waitFor();
    await page.goto(`${server.url}/campaigns`);
    await page.getByRole("heading", { name: "Campaigns" }).waitFor();
    expect(await page.getByText("Offline — showing cached data").isVisible()).toBe(true);
    await browser.context.setOffline(false);
  });

  it("offers a newer build and reloads into it only when the user accepts", async () => {
    const page = await openControlled("/settings");
    await page.getByText("e2e-current").waitFor();
    server.setRoot(inject("nextDistDir"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByText("A new version is ready.");
    await prompt.waitFor({ timeout: 30_000 });
    // Still the old build until the user says so.
    expect(await page.getByText("e2e-current").count()).toBe(1);
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
    await page.getByText("e2e-next").waitFor({ timeout: 30_000 });
  });
});
