import type { Page } from "playwright-core";

/**
 * Connects the Sandbox account through Settings, as a newcomer would: the preset fills the form
 * for both API generations, and "Connect and sign in" signs in to v3, then to v2 (v3's callback
 * starts v2's sign-in), ending on Activities. Checks that both generations are signed in.
 */
export async function connectSandboxAccount(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/settings`);
  await page.getByRole("button", { name: "Sandbox", exact: true }).click();
  // The preset asks the server where its sandbox runs: wait until it has filled the form.
  // (A string, not a function: the bench runs this helper under tsx, whose name helpers do not
  // exist in the page; and no vitest `expect` here, for the same reason.)
  await page.waitForFunction('document.getElementById("account-label")?.value === "Sandbox"', undefined, {
    timeout: 30_000,
  });
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
