import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SandboxConfig } from "../../src/sandbox/core";
import { type RunningApp, startApp } from "./support/app";
import { launchPersistent, type PersistentBrowser } from "./support/browser";
import { accountIdOf, database, putRow, rowsOf, storedToken } from "./support/rawDb";

// Sign-in (issue #4) in Chromium against the sandbox server on its own origin: v3 PKCE, v2
// implicit, several accounts, refresh on expiry and across tabs, refused callbacks, erase.

const TOKEN_PATH = "POST /oauth2/default/v1/token";
let app: RunningApp | undefined;
let browser: PersistentBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = undefined;
  app = undefined;
});

async function open(config: Partial<SandboxConfig> = {}): Promise<Page> {
  app = await startApp(config);
  browser = await launchPersistent();
  return browser.context.newPage();
}

const tokenRequests = () => app!.sandbox.stats().byPath[TOKEN_PATH] ?? 0;

/**
 * Exactly `count` token requests so far. A tab's refresh may still wait behind the worker's poll
 * round (one run per list at a time), so wait for the count, then make sure no other follows.
 */
async function expectTokenRequests(page: Page, count: number, message?: string) {
  await expect.poll(tokenRequests, { timeout: 30_000, message }).toBeGreaterThanOrEqual(count);
  await page.waitForTimeout(3_000);
  expect(tokenRequests(), message).toBe(count);
}

/** Fills the Connect form from the Sandbox preset and submits it; the browser leaves for the sandbox. */
async function connectSandbox(
  page: Page,
  label: string,
  generation: "v3 (current)" | "v2 (legacy)" | "Both v3 and v2",
) {
  await page.goto(`${app!.url}/settings`);
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  await expect.poll(() => page.getByLabel("Name").inputValue()).toBe("Sandbox");
  await page.getByLabel("Name").fill(label);
  await page.getByLabel(generation).check();
  await page.getByRole("button", { name: "Connect and sign in" }).click();
}

/**
 * Waits until the Activities screen has fetched everything (the first refresh pages through every
 * activity at the client's 4 requests per second), then one more second: the sandbox's token
 * endpoint, like Constant Contact's, takes one request per second, and a 429 retried would count twice.
 */
async function settle(page: Page) {
  await page.getByRole("button", { name: "Refresh", exact: true }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1_100);
}

/** Clicks Refresh on the Activities screen and waits until that refresh is over. */
async function refreshActivities(page: Page) {
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await settle(page);
}

/** Connects an account through the sandbox and waits on Activities until its first fetch is over. */
async function connectAndSettle(page: Page, label: string) {
  await connectSandbox(page, label, "v3 (current)");
  await page.waitForURL(/\/activities$/);
  await page.locator(".activity-card").first().waitFor({ timeout: 30_000 });
  await settle(page);
}

const SLOW = 240_000;

describe("sign-in in Chromium against the sandbox", () => {
  it("v3: authorization code + PKCE through the sandbox's consent page, nothing left in the URL", async () => {
    const page = await open({ autoApprove: false });
    const authorize = page.waitForRequest(/\/oauth2\/default\/v1\/authorize\?/);
    await connectSandbox(page, "Agency A", "v3 (current)");
    const query = new URL((await authorize).url()).searchParams;
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    await page.getByRole("heading", { name: "Allow access to your sandbox account?" }).waitFor();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.waitForURL(`${app!.url}/activities`);
    expect(page.url()).not.toMatch(/code=|state=/);
    const id = await accountIdOf(page, "Agency A");
    const token = await storedToken(page, [id, "v3"]);
    expect(token.refreshToken).toBeTruthy();
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(
      String(token.accessToken),
    );
    expect(tokenRequests()).toBe(1);
  });

  it("v2: implicit sign-in, the token taken from the fragment and removed from the address bar", async () => {
    const page = await open();
    await connectSandbox(page, "Legacy", "v2 (legacy)");
    await page.waitForURL(`${app!.url}/activities`);
    expect(page.url()).not.toContain("#");
    const token = await storedToken(page, [await accountIdOf(page, "Legacy"), "v2"]);
    expect(token.accessToken).toBeTruthy();
    expect(page.url()).not.toContain(String(token.accessToken));
    expect(app!.sandbox.stats().byPath["POST /oauth2/tokeninfo.htm"]).toBe(1);
  });

  it("Both: one Connect signs in to v3, then v2, and lands on Activities signed in to both, no red box", async () => {
    const page = await open();
    await connectSandbox(page, "Both", "Both v3 and v2");
    await page.waitForURL(`${app!.url}/activities`, { timeout: 60_000 });
    expect(page.url()).not.toMatch(/code=|state=|#/);
    const id = await accountIdOf(page, "Both");
    expect((await storedToken(page, [id, "v3"])).refreshToken).toBeTruthy();
    expect((await storedToken(page, [id, "v2"])).accessToken).toBeTruthy();
    const stats = app!.sandbox.stats().byPath;
    expect(stats["GET /oauth2/default/v1/authorize"]).toBe(1);
    expect(stats["GET /oauth2/oauth/siteowner/authorize"]).toBe(1);
    await page.locator(".activity-card").first().waitFor({ timeout: 30_000 });
    await settle(page);
    const header = page.locator(".toolbar .freshness");
    await expect
      .poll(() => header.textContent(), { timeout: 30_000 })
      .toMatch(/^v3 fetched .+ · v2 fetched .+$/);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByText(/no longer accepts|not signed in|not fetched yet/).count()).toBe(0);
  });

  it("two accounts at once, each with its own token; refusals and replays end on a clear screen", async () => {
    const page = await open();
    await connectSandbox(page, "Agency A", "v3 (current)");
    await page.waitForURL(/\/activities$/);
    await connectSandbox(page, "Agency B", "v3 (current)");
    await page.waitForURL(/\/activities$/);
    await page.goto(`${app!.url}/settings`);
    for (const label of ["Agency A", "Agency B"]) {
      const row = page.getByRole("listitem", { name: label });
      await row.getByText(/Signed in · access token valid for/).waitFor();
    }
    const [a, b] = [await accountIdOf(page, "Agency A"), await accountIdOf(page, "Agency B")];
    expect((await storedToken(page, [a, "v3"])).accessToken).not.toBe(
      (await storedToken(page, [b, "v3"])).accessToken,
    );

    // Hold the next sign-in at the sandbox's door, and play its answer back by hand.
    let authorizeUrl = "";
    await page.route(`${app!.sandboxUrl}/oauth2/default/v1/authorize?*`, async (route) => {
      authorizeUrl = route.request().url();
      await route.fulfill({ status: 200, contentType: "text/plain", body: "held by the test" });
    });
    const consent = async () => {
      await page
        .getByRole("listitem", { name: "Agency A" })
        .getByRole("button", { name: "Sign in with v3" })
        .click();
      await expect.poll(() => authorizeUrl).not.toBe("");
      // The held page must be on screen before the test navigates on, or it interrupts that navigation.
      await page.getByText("held by the test").waitFor();
      const answer = await fetch(authorizeUrl, { redirect: "manual" });
      authorizeUrl = "";
      return new URL(answer.headers.get("Location")!);
    };
    const first = await consent();
    const tampered = new URL(first);
    tampered.searchParams.set("state", "tampered-state");
    await page.goto(tampered.href);
    await page.getByRole("heading", { name: "This sign-in answer was not expected" }).waitFor();
    expect(page.url()).toBe(`${app!.url}/auth/callback`);
    await page.getByRole("link", { name: "Back to Settings" }).click();

    await page.goto(first.href);
    await page.waitForURL(/\/activities$/);
    await page.goto(`${app!.url}/settings`);
    const second = await consent();
    second.searchParams.set("code", first.searchParams.get("code")!);
    await page.goto(second.href);
    await page.getByRole("heading", { name: "The sign-in code was refused" }).waitFor();
    expect(await page.getByText(/invalid_grant/).count()).toBe(1);
  });

  it(
    "an access token expiring mid-session is refreshed silently, before expiry and after a 401",
    async () => {
      const page = await open();
      await connectAndSettle(page, "Agency A");
      const key: [string, string] = [await accountIdOf(page, "Agency A"), "v3"];
      const before = await storedToken(page, key);

      // The server expires every token: the next call gets 401, refreshes once, and retries.
      app!.sandbox.setFaults({ expireTokens: true });
      await refreshActivities(page);
      await expectTokenRequests(page, 2);
      const afterUnauthorized = await storedToken(page, key);
      expect(afterUnauthorized.refreshToken).not.toBe(before.refreshToken);

      // The token is about to expire: it is renewed before the call leaves.
      await storedToken(page, key, { expiresAt: Date.now() + 10_000 });
      await refreshActivities(page);
      await expectTokenRequests(page, 3);
      expect((await storedToken(page, key)).signInRequired).toBeUndefined();
      expect(await page.getByRole("alert").count()).toBe(0);
    },
    SLOW,
  );

  it(
    "two tabs refreshing at the same moment make exactly one token request, and both stay signed in",
    async () => {
      const first = await open();
      await connectAndSettle(first, "Agency A");
      const second = await browser!.context.newPage();
      await second.goto(`${app!.url}/activities`);
      await second.locator(".activity-card").first().waitFor({ timeout: 30_000 });
      await settle(second);
      const key: [string, string] = [await accountIdOf(first, "Agency A"), "v3"];

      for (const round of ["after a 401", "before expiry"]) {
        // Counted before the token goes bad: the worker's round, mid-way through its requests, may
        // meet the bad token first and refresh before the tabs press anything. Whoever refreshes,
        // one request must do for the tabs and the worker alike.
        const requestsBefore = tokenRequests();
        if (round === "after a 401") app!.sandbox.setFaults({ expireTokens: true });
        else await storedToken(first, key, { expiresAt: Date.now() + 10_000 });
        await Promise.all([refreshActivities(first), refreshActivities(second)]);
        await expectTokenRequests(first, requestsBefore + 1, round);
        expect((await storedToken(first, key)).signInRequired, round).toBeUndefined();
        for (const page of [first, second]) expect(await page.getByRole("alert").count(), round).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "erase removes that account's data from this device, and nothing of the other account",
    async () => {
      const page = await open();
      for (const label of ["Agency A", "Agency B"]) await connectAndSettle(page, label);
      const [a, b] = [await accountIdOf(page, "Agency A"), await accountIdOf(page, "Agency B")];
      const keptBefore = await rowsOf(page, b);
      expect((await rowsOf(page, a)).activities).toBeGreaterThan(0);

      await page.goto(`${app!.url}/settings`);
      const row = page.getByRole("listitem", { name: "Agency A" });
      await row
        .getByRole("button", { name: "Sign out and erase this account's data from this device" })
        .click();
      await row.getByRole("button", { name: "Yes, erase" }).click();
      await page.getByRole("listitem", { name: "Agency A" }).waitFor({ state: "detached" });
      // The data goes first; the revocation follows, and the section says how it ended.
      await page.getByText("“Agency A” was signed out and erased from this device.").waitFor();

      const erased = await rowsOf(page, a);
      expect(
        Object.values(erased).every((count) => count === 0),
        JSON.stringify(erased),
      ).toBe(true);
      // Agency B's rows may only have grown (its activities keep being watched), never shrunk.
      const keptAfter = await rowsOf(page, b);
      for (const [table, count] of Object.entries(keptBefore))
        expect(keptAfter[table], table).toBeGreaterThanOrEqual(count);
      expect(keptAfter.accounts).toBe(1);
      expect(keptAfter.tokens).toBe(1);
      expect(app!.sandbox.stats().byPath["POST /oauth2/default/v1/revoke"]).toBe(2);
    },
    SLOW,
  );

  it("purges sign-ins left unused (each holding a PKCE verifier) when the app starts", async () => {
    const page = await open();
    await page.goto(`${app!.url}/settings`);
    await page.getByText("No account is connected on this device yet.").waitFor();
    const elevenMinutesAgo = Date.now() - 11 * 60_000;
    await putRow(page, "authAttempts", {
      state: "left-unused",
      accountId: "gone",
      generation: "v3",
      codeVerifier: "a-secret-verifier",
      redirectUri: `${app!.url}/auth/callback`,
      createdAt: elevenMinutesAgo,
    });
    expect((await database(page)).authAttempts).toHaveLength(1);
    await page.reload();
    await expect.poll(async () => (await database(page)).authAttempts?.length, { timeout: 30_000 }).toBe(0);
  });
});
