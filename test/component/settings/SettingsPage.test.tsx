import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import SettingsPage from "../../../src/ui/routes/SettingsPage";
import { renderAt } from "../support/renderAt";
import { account, freshDb } from "../support/seed";

// vite.config.ts defines the build id at build time; vitest.config.ts does not.
vi.stubGlobal("__MAILROOM_BUILD__", "test-build");

const show = () => renderAt("/settings", "/settings", SettingsPage);

function fakeStorage(persisted: boolean, grant: boolean) {
  const storage = {
    estimate: vi.fn(async () => ({ usage: 5 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grant),
  };
  Object.defineProperty(navigator, "storage", { value: storage, configurable: true });
  return storage;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute("data-theme");
});

describe("Settings screen", () => {
  it("shows storage used and available, and says when persistence is refused", async () => {
    freshDb();
    const storage = fakeStorage(false, false);
    show();
    expect(await screen.findByText("5 MB used of 2 GB available to Mailroom.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Keep Mailroom's data (persistent storage)" }));
    expect(await screen.findByText(/The browser refused persistent storage/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it("error: a storage estimate that fails is shown, not swallowed", async () => {
    freshDb();
    const storage = fakeStorage(false, false);
    storage.estimate.mockRejectedValueOnce(
      Object.assign(new Error("estimate failed"), { name: "UnknownError" }),
    );
    show();
    expect((await screen.findByRole("alert")).textContent).toContain("estimate failed");
  });

  it("says when storage is already persistent", async () => {
    freshDb();
    fakeStorage(true, true);
    show();
    expect(await screen.findByText(/Storage is persistent/)).toBeTruthy();
  });

  it("shows the request budget left today for each generation of the current account", async () => {
    const db = freshDb();
    fakeStorage(true, true);
    await db.accounts.put(account({ v3ClientId: "client-x", v2ApiKey: "key-y" }));
    const today = new Date().toISOString().slice(0, 10);
    await db.budget.bulkPut([
      { appKey: "client-x", day: today, used: 1234, recent: [] },
      { appKey: "key-y", day: "2020-01-01", used: 9999, recent: [] },
    ]);
    show();
    const list = await waitFor(() => {
      const items = [...document.querySelectorAll(".budget-list li")].map((li) => li.textContent);
      expect(items).toHaveLength(2);
      return items;
    });
    expect(list).toContain("v3: 8,766 of 10,000 requests left");
    expect(list).toContain("v2: 10,000 of 10,000 requests left");
  });

  it("switches the theme, applies it to <html> and remembers it", async () => {
    freshDb();
    fakeStorage(true, true);
    show();
    fireEvent.click(await screen.findByLabelText("Dark"));
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(localStorage.getItem("mailroom.theme")).toBe("dark");
    fireEvent.click(screen.getByLabelText("Same as the system"));
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
    expect(localStorage.getItem("mailroom.theme")).toBeNull();
  });

  it("renders the accounts section with its connect form, and the build id", async () => {
    freshDb();
    fakeStorage(true, true);
    show();
    expect(await screen.findByRole("heading", { name: "Accounts" })).toBeTruthy();
    expect(screen.getByText("test-build")).toBeTruthy();
  });
});
