import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MailroomDb, useDb } from "../../../src/db";
import AuthCallbackPage from "../../../src/ui/routes/AuthCallbackPage";

/** Opens the callback page as the browser would after a redirect to `address`. */
function arriveAt(address: string) {
  window.history.replaceState(null, "", address);
  const history = createMemoryHistory();
  history.set({ value: address });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/auth/callback" component={AuthCallbackPage} />
      <Route path="*rest" component={() => <p>elsewhere</p>} />
    </MemoryRouter>
  ));
  return history;
}

beforeEach(() => {
  useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
});
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("Sign-in callback page", () => {
  it("refuses a state it never issued, says what to do, and links back to Settings", async () => {
    const history = arriveAt("/auth/callback?code=stolen&state=forged");
    expect(await screen.findByText("This sign-in answer was not expected")).toBeTruthy();
    expect(screen.getByText(/Start the sign-in again from Settings/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to Settings" }).getAttribute("href")).toBe("/settings");
    expect(history.get()).toBe("/auth/callback");
  });

  it("says that no answer arrived when the address carries none", async () => {
    arriveAt("/auth/callback");
    expect(await screen.findByText("This page did not receive an answer from a sign-in page")).toBeTruthy();
  });

  it("treats a fragment token with a forged state the same way, and drops the fragment", async () => {
    const history = arriveAt("/auth/callback#access_token=secret&state=forged");
    expect(await screen.findByText("This sign-in answer was not expected")).toBeTruthy();
    expect(history.get()).not.toContain("secret");
  });
});
