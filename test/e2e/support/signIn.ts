import type { Page } from "playwright-core";

/**
 * Connects the Sandbox account through Settings, as a newcomer would: the preset fills the form
 * for both API generations, and "Connect and sign in" signs in to v3, then to v2 (v3's callback
 * starts v2's sign-in), ending on Activities. Checks that both generations are signed in.
 */
export async function connectSandboxAccount(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/settings`);
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  // The preset asks the server where its sandbox runs: wait until it has filled the form. Read
  // from here, not by waitForFunction: a string predicate is eval'd in the page when it must poll,
  // which the app's CSP refuses (EvalError, seen on a busy machine), and a function one breaks
  // under tsx (the bench), whose name helpers do not exist in the page. No vitest `expect` here
  // either, for the bench.
  await valueBecomes(page, "#account-label", "Sandbox", 30_000);
  await page.getByRole("button", { name: "Connect and sign in" }).click();
  await page.waitForURL(/\/activities/, { timeout: 60_000 });
  // Signed in to both, as the account's row says.
  await page.goto(`${appUrl}/settings`);
  for (const generation of ["v3", "v2"]) {
    await page
      .locator(".account-generations li", { hasText: `Sign in with ${generation}` })
      .filter({ hasNotText: /not signed in|sign-in required/i })
      .last()
      .waitFor();
  }
  await page.goto(`${appUrl}/activities`);
}

/** Waits until the input matched by `selector` holds `value`, checking every 50 ms up to `timeoutMs`. */
async function valueBecomes(page: Page, selector: string, value: string, timeoutMs: number): Promise<void> {
  const input = page.locator(selector);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await input.inputValue({ timeout: Math.max(1, deadline - Date.now()) });
    if (current === value) return;
    if (Date.now() > deadline) throw new Error(`${selector} still says "${current}", not "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
