import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RelayServer, startRelayServer } from "../../scripts/relay";
import { RelayConfigError } from "../../src/relay/settings";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { datasetOf, primarySendList, storedSends, syncButton } from "./support/sendLists";

// The relay (npm run relay) between Mailroom and a Constant Contact that refuses the browser: the
// sandbox with its CORS switched off. Directly, the sign-in and a send-list sync fail as CORS
// failures; through the relay, started here on a free port with RELAY_UPSTREAM = the sandbox,
// both succeed. The relay is the real Node entry, in process.

const CAMPAIGN = "Test send to 3 people";

let app: RunningApp;
let relay: RelayServer;
let browser: PersistentBrowser;
let page: Page;
const relayLog: string[] = [];

beforeEach(async () => {
  app = await startApp();
  relayLog.length = 0;
  relay = await startRelayServer({
    env: { RELAY_ALLOWED_ORIGINS: app.url, RELAY_UPSTREAM: app.sandboxUrl },
    port: 0,
    deps: { log: (line) => relayLog.push(line) },
  });
  browser = await launchPersistent();
  page = await browser.context.newPage();
});
afterEach(async () => {
  await browser.close();
  await relay.close();
  await app.close();
});

/**
 * Connects the Sandbox preset as a v3 account, directly or through the relay's URL, and presses
 * "Connect and sign in": the consent page approves itself and comes back to /auth/callback.
 */
async function connectV3(through: "directly" | "relay"): Promise<void> {
  await page.goto(`${app.url}/settings`);
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  await page.waitForFunction('document.getElementById("account-label")?.value === "Sandbox"', undefined, {
    timeout: 30_000,
  });
  await page.getByLabel("v3 (current)").check();
  if (through === "relay") {
    await page.getByText(/^Advanced: relay and endpoint URLs/).click();
    await page.getByLabel("Relay URL").fill(relay.url);
    await page.getByRole("button", { name: "Use relay" }).click();
    await page.getByText(`Endpoints now go through ${relay.url}.`).waitFor();
    expect(await page.getByLabel("v3 token URL").inputValue()).toBe(`${relay.url}/oauth2/default/v1/token`);
    expect(await page.getByLabel("v3 authorize URL").inputValue()).toBe(
      `${app.sandboxUrl}/oauth2/default/v1/authorize`,
    );
  }
  await page.getByRole("button", { name: "Connect and sign in" }).click();
}

/** Presses the list's Sync button and waits until the run is over (its retries included). */
async function syncAndWait(list: ReturnType<typeof primarySendList>): Promise<void> {
  await syncButton(list).click();
  await syncButton(list).waitFor({ timeout: 90_000 });
}

describe("the relay, where Constant Contact refuses the browser (CORS off)", () => {
  it("a sign-in fails directly: the token endpoint could not be reached", async () => {
    app.sandbox.setFaults({ corsOff: true });
    await connectV3("directly");
    await page.waitForURL(/\/auth\/callback/, { timeout: 60_000 });
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.locator("h2").textContent()).toBe("The token endpoint could not be reached");
    expect(relayLog, "nothing went through the relay").toEqual([]);
  });

  it("a send-list sync fails directly once CORS is off", async () => {
    await connectV3("directly");
    await page.waitForURL(/\/activities/, { timeout: 60_000 });
    await page.goto(`${app.url}/campaigns`);
    const list = primarySendList(page, CAMPAIGN);
    const dataset = await datasetOf(list);
    app.sandbox.setFaults({ corsOff: true });
    await syncAndWait(list);
    const notice = list.locator(".error-notice");
    await notice.waitFor();
    expect(await notice.locator(".error-title").textContent()).toContain(
      "Constant Contact could not be reached",
    );
    expect(await storedSends(page, dataset)).toEqual({ rows: 0, contacts: 0 });
  });

  it("through the relay, a sign-in and a send-list sync succeed with CORS still off", async () => {
    app.sandbox.setFaults({ corsOff: true });
    await connectV3("relay");
    await page.waitForURL(/\/activities/, { timeout: 60_000 });
    expect(await page.getByRole("alert").count(), "the sign-in through the relay reported a failure").toBe(0);

    await page.goto(`${app.url}/campaigns`);
    const list = primarySendList(page, CAMPAIGN);
    const dataset = await datasetOf(list);
    await syncAndWait(list);
    await list.getByText("3 of 3 sends cached").waitFor();
    expect(await list.locator(".error-notice").count()).toBe(0);
    expect(await storedSends(page, dataset)).toEqual({ rows: 3, contacts: 3 });

    // It all went through the relay, and its log holds paths and statuses only.
    expect(relayLog).toContainEqual(expect.stringMatching(/^POST \/oauth2\/default\/v1\/token 200 /));
    expect(relayLog).toContainEqual(
      expect.stringMatching(/^GET \/v3\/reports\/email_reports\/[^/ ]+\/tracking\/sends 200 /),
    );
    expect(relayLog.join("\n")).not.toMatch(/\?|Bearer|access_token|code_verifier/);
    // Constant Contact's own 429s (the sandbox holds 4 requests/s) pass through; the relay's cap never refused.
    const throttled = relayLog.filter((line) => / 429 /.test(line));
    console.log(`relay: ${relayLog.length} requests forwarded, ${throttled.length} throttled upstream`);
    expect(
      throttled.filter((line) => line.includes("(relay)")),
      "the relay's cap got in the way",
    ).toEqual([]);
  });
});

describe("the relay's Node entry", () => {
  it("refuses to start without RELAY_ALLOWED_ORIGINS, or with RELAY_UPSTREAM off the loopback", async () => {
    await expect(startRelayServer({ env: {}, port: 0 })).rejects.toThrow(RelayConfigError);
    await expect(
      startRelayServer({
        env: { RELAY_ALLOWED_ORIGINS: app.url, RELAY_UPSTREAM: "https://api.cc.email" },
        port: 0,
      }),
    ).rejects.toThrow(/loopback/);
  });

  it("carries v2 through the Node server: the activity list and tokeninfo, with no cookie either way", async () => {
    // A v2 token from the sandbox's implicit flow (a navigation, so it never needs the relay).
    const authorize = new URL(`${app.sandboxUrl}/oauth2/oauth/siteowner/authorize`);
    authorize.search = new URLSearchParams({
      response_type: "token",
      client_id: "mailroom-sandbox-v2-key",
      redirect_uri: `${app.url}/auth/callback`,
      state: "s1",
    }).toString();
    const consent = await fetch(authorize, { redirect: "manual" });
    const fragment = new URLSearchParams(new URL(consent.headers.get("Location") ?? "").hash.slice(1));
    const token = fragment.get("access_token");
    expect(token, `no token in ${consent.status} ${consent.headers.get("Location")}`).toBeTruthy();

    const headers = { Origin: app.url, Cookie: "session=browser" };
    const list = await fetch(`${relay.url}/v2/activities?api_key=mailroom-sandbox-v2-key`, {
      headers: { ...headers, Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    expect(list.status).toBe(200);
    expect(list.headers.get("Access-Control-Allow-Origin")).toBe(app.url);
    expect(list.headers.get("Set-Cookie")).toBeNull();
    expect(Array.isArray(await list.json())).toBe(true);

    const info = await fetch(`${relay.url}/oauth2/tokeninfo.htm`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ access_token: token ?? "" }),
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ client_id: "mailroom-sandbox-v2-key" });
    expect(relayLog.join("\n")).not.toContain(token ?? "no token");
  });
});
