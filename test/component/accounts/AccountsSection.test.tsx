import { cleanup, render, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { endpointsOn } from "../../../src/auth/presets";
import { type Account, db, MailroomDb, useDb } from "../../../src/db";
import { AccountsSection } from "../../../src/ui/accounts/AccountsSection";
import { CURRENT_ACCOUNT_KEY, chooseAccount } from "../../../src/ui/primitives/createCurrentAccount";

function makeAccount(id: string, label: string): Account {
  const base = { id, label, v3ClientId: "client-1", generations: ["v3"] as Account["generations"] };
  return {
    ...base,
    scopes: "contact_data",
    endpoints: endpointsOn("https://auth.example"),
    sandbox: false,
    createdAt: Date.now(),
  };
}

beforeEach(async () => {
  useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
  await db().accounts.bulkAdd([makeAccount("a", "Acme"), makeAccount("b", "Beta")]);
  const now = Date.now();
  await db().tokens.bulkPut([
    {
      accountId: "a",
      generation: "v3",
      accessToken: "x",
      refreshToken: "r",
      expiresAt: now + 3 * 3600_000,
      updatedAt: now,
    },
    {
      accountId: "b",
      generation: "v3",
      accessToken: "y",
      signInRequired: "Refresh refused (invalid_grant).",
      updatedAt: now,
    },
  ]);
  await db().syncState.bulkPut([
    { dataset: "a|activities", accountId: "a", kind: "activities", status: "complete", pages: 1, rows: 1 },
    { dataset: "b|activities", accountId: "b", kind: "activities", status: "complete", pages: 1, rows: 1 },
  ]);
  vi.stubGlobal("fetch", async () => new Response(null, { status: 200 }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = async (label: string) => screen.findByRole("listitem", { name: label });

describe("Accounts section", () => {
  it("lists each account with its sign-in state and token expiry", async () => {
    render(() => <AccountsSection />);
    expect(
      within(await row("Acme")).getByText(/Signed in · access token valid for 3 h, then renewed/),
    ).toBeTruthy();
    expect(
      within(await row("Beta")).getByText("Sign-in required: Refresh refused (invalid_grant)."),
    ).toBeTruthy();
  });

  it("signs out: tokens go, the account and its data stay", async () => {
    render(() => <AccountsSection />);
    await userEvent.click(within(await row("Acme")).getByRole("button", { name: "Sign out" }));
    expect(await within(await row("Acme")).findByText(/Signed out on this device/)).toBeTruthy();
    expect(await db().tokens.get(["a", "v3"])).toBeUndefined();
    expect(await db().syncState.get("a|activities")).toBeTruthy();
  });

  it("erases only after confirming, and only that account", async () => {
    render(() => <AccountsSection />);
    const acme = await row("Acme");
    await userEvent.click(within(acme).getByRole("button", { name: /erase this account's data/ }));
    expect(await db().accounts.count()).toBe(2);
    await userEvent.click(within(acme).getByRole("button", { name: "Yes, erase" }));
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Acme" })).toBeNull(), {
      // The live query's turn after the erase's transaction: over a second on a loaded machine.
      timeout: 10_000,
    });
    expect(await db().syncState.toCollection().primaryKeys()).toEqual(["b|activities"]);
    expect(await db().accounts.toCollection().primaryKeys()).toEqual(["b"]);
  });

  it("erases first, then shows in the section (the row is gone) that the revocation failed, and forgets the account as the current one", async () => {
    vi.stubGlobal("fetch", async () => new Response('{"error":"server_error"}', { status: 500 }));
    chooseAccount("a");
    render(() => <AccountsSection />);
    const acme = await row("Acme");
    await userEvent.click(within(acme).getByRole("button", { name: /erase this account's data/ }));
    await userEvent.click(within(acme).getByRole("button", { name: "Yes, erase" }));
    const status = await screen.findByText(
      /“Acme” was signed out and erased from this device/,
      {},
      { timeout: 10_000 },
    );
    expect(status.textContent).toMatch(/did not confirm the revocation.*Revoking a token at .* failed/);
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "Acme" })).toBeNull(), {
      // The live query's turn after the erase's transaction: over a second on a loaded machine.
      timeout: 10_000,
    });
    expect(localStorage.getItem(CURRENT_ACCOUNT_KEY)).toBeNull();
    expect(await db().accounts.toCollection().primaryKeys()).toEqual(["b"]);
  });

  it("keeps another remembered account when erasing one that is not current", async () => {
    chooseAccount("b");
    render(() => <AccountsSection />);
    const acme = await row("Acme");
    await userEvent.click(within(acme).getByRole("button", { name: /erase this account's data/ }));
    await userEvent.click(within(acme).getByRole("button", { name: "Yes, erase" }));
    expect(
      await screen.findByText(
        /“Acme” was signed out and erased from this device\.$/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(localStorage.getItem(CURRENT_ACCOUNT_KEY)).toBe("b");
  });

  it("can cancel the erase", async () => {
    render(() => <AccountsSection />);
    const acme = await row("Acme");
    await userEvent.click(within(acme).getByRole("button", { name: /erase this account's data/ }));
    await userEvent.click(within(acme).getByRole("button", { name: "Cancel" }));
    expect(within(acme).queryByRole("button", { name: "Yes, erase" })).toBeNull();
    expect(await db().accounts.count()).toBe(2);
  });
});
