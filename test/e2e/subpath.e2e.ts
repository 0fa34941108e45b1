// The build made with `vite build --base /mailroom/`, served under /mailroom/ by the tests' static
// server: everything the app addresses (manifest, worker, routes, sign-in callback, runtime config)
// lives under that path and works there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { startSandboxServer } from "../../src/sandbox/node/serve";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { buildInto } from "./support/global-setup";

const BASE = "/mailroom/";
let builds: string;
let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
let server: StaticServer;
let browser: PersistentBrowser;

// Two builds of our own (the update test needs a newer one); the other E2E files never pay for them.
beforeAll(async () => {
  builds = mkdtempSync(join(tmpdir(), "mailroom-e2e-subpath-"));
  await buildInto(join(builds, "current"), "e2e-subpath-current", BASE);
  await buildInto(join(builds, "next"), "e2e-subpath-next", BASE);
});
afterAll(() => rmSync(builds, { recursive: true, force: true }));

beforeEach(async () => {
  sandbox = await startSandboxServer({ port: 0, config: { autoApprove: true } });
  server = await startStaticServer({
    root: join(builds, "current"),
    base: BASE,
    sandboxOrigin: sandbox.url,
  });
  sandbox.allowOrigin(server.origin);
  browser = await launchPersistent();
});
afterEach(async () => {
  await browser.close();
  await Promise.all([server.close(), sandbox.close()]);
});

/** Opens `path` (under the base) and waits until the service worker controls the page. */
async function openControlled(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url + path);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", undefined, {
    timeout: 30_000,
  });
  return page;
}

describe("Mailroom built for and served under /mailroom/", () => {
  it("is installable, with its manifest's scope, start URL, icons and shortcuts under the base", async () => {
    const page = await openControlled("/activities");
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ id: BASE, scope: BASE, start_url: `${BASE}activities` });
    const urls = [
      ...manifest.icons.map((icon: { src: string }) => icon.src),
      ...manifest.shortcuts.map((shortcut: { url: string }) => shortcut.url),
    ];
    expect(urls.every((url: string) => url.startsWith(BASE))).toBe(true);
    for (const url of urls)
      expect((await page.request.get(new URL(url, server.url).href)).status()).toBe(200);
  });

  it("activates its worker under the base and renders a deep path from a reload offline", async () => {
    const page = await openControlled("/campaigns");
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${server.url}/`);
    await browser.context.setOffline(true);
    await page.goto(`${server.url}/activities/v3/an-activity-never-fetched`);
    await page.getByRole("heading", { name: "Bulk activity", exact: true }).waitFor();
    // The router's links stay under the base.
    const main = page.getByRole("navigation", { name: "Main" });
    expect(await main.getByRole("link", { name: "Settings" }).getAttribute("href")).toBe(`${BASE}settings`);
    await page.reload();
    await page.getByRole("heading", { name: "Bulk activity", exact: true }).waitFor();
    await browser.context.setOffline(false);
  });

  it("signs in to the sandbox and comes back to /mailroom/auth/callback, the code gone before any render", async () => {
    // At the first element rendered into #root, note the address: the code must already be gone.
    await browser.context.addInitScript(() => {
      new MutationObserver((_changes, observer) => {
        if (!document.getElementById("root")?.firstChild) return;
        sessionStorage.setItem(`firstRender:${location.pathname}`, location.href);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await browser.context.newPage();
    const visited: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && visited.push(frame.url()));
    await page.goto(`${server.url}/settings`);
    await page.getByRole("button", { name: "Sandbox", exact: true }).click();
    await page.waitForFunction('document.getElementById("account-label")?.value === "Sandbox"', undefined, {
      timeout: 30_000,
    });
    const callback = `${server.url}/auth/callback`;
    expect(await page.locator("#redirect-uri").inputValue()).toBe(callback);
    await page.getByRole("button", { name: "Connect and sign in" }).click();
    await page.waitForURL(`${server.url}/activities`, { timeout: 60_000 });
    expect(visited.some((url) => url.startsWith(`${callback}?code=`))).toBe(true);
    const firstRender = await page.evaluate(
      (path) => sessionStorage.getItem(`firstRender:${path}`),
      `${BASE}auth/callback`,
    );
    expect(firstRender).toBe(callback);
  });

  it("offers a newer build served under the base, and reloads into it when the user accepts", async () => {
    const page = await openControlled("/settings");
    await page.getByText("e2e-subpath-current").waitFor();
    server.setRoot(join(builds, "next"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByText("A new version is ready.").waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
    await page.getByText("e2e-subpath-next").waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${server.url}/settings`);
  });
});
