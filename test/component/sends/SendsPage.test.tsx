import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import SendsPage from "../../../src/ui/routes/SendsPage";
import { putSends } from "../../support/sends";
import { renderAt } from "../support/renderAt";
import { account, campaign, freshDb, sends, syncState } from "../support/seed";

const DS = "acc-1|v2|c-1";
const show = () =>
  renderAt(`/campaigns/${encodeURIComponent(DS)}/sends`, "/campaigns/:dataset/sends", SendsPage);
const firstEmail = () => document.querySelector(".sends-table tbody td.email")?.textContent;

async function seed(count: number, fetchedAt = Date.now() - 60_000) {
  const db = freshDb();
  await db.accounts.put(account());
  await db.campaigns.put(campaign());
  await db.syncState.put(syncState({ dataset: DS, kind: "sends", rows: count, fetchedAt }));
  await putSends(sends(DS, count));
  return db;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Sends screen", () => {
  it("loading, then an empty list says so", async () => {
    freshDb();
    show();
    expect(screen.getByText("Reading the cache…")).toBeTruthy();
    expect(await screen.findByText("No sends match.")).toBeTruthy();
    expect(await screen.findByText("0 sends")).toBeTruthy();
    expect(screen.getByText("Sends not fetched yet")).toBeTruthy();
  });

  it("data: the campaign's name, the count, newest first, a picture, and pages to the last row", async () => {
    await seed(250);
    show();
    expect(await screen.findByRole("heading", { name: "Sends of Spring sale" })).toBeTruthy();
    expect(await screen.findByText("250 sends")).toBeTruthy();
    await waitFor(() => expect(firstEmail()).toBe("a0249@example.com"));
    expect(document.querySelectorAll(".sends-table tbody tr")).toHaveLength(100);
    const picture = await screen.findByRole("img");
    expect(picture.getAttribute("aria-label")).toMatch(/^Sends per minute, from .* peak 60 at/);
    fireEvent.click(screen.getByRole("button", { name: "Last »" }));
    await waitFor(() => expect(firstEmail()).toBe("a0099@example.com"));
    const rows = document.querySelectorAll(".sends-table tbody td.email");
    expect(rows[rows.length - 1]?.textContent).toBe("a0000@example.com");
    expect((screen.getByRole("button", { name: "Next ›" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "‹ Previous" }));
    await waitFor(() => expect(firstEmail()).toBe("a0199@example.com"));
  });

  it("searches any part of an email or a name, in both orders, and counts the matches", async () => {
    await seed(250);
    show();
    await screen.findByText("250 sends");
    expect(screen.queryByLabelText("Email or name starts with")).toBeNull();
    const box = screen.getByLabelText("Email or name contains");
    expect(screen.getByRole("searchbox", { name: "Email or name contains" })).toBe(box);
    // The middle of the address, in another case: a0000@…, a0010@… up to a0240@….
    fireEvent.input(box, { target: { value: "0@EXA" } });
    expect(await screen.findByText("25 sends")).toBeTruthy();
    await waitFor(() => expect(firstEmail()).toBe("a0240@example.com"));
    fireEvent.change(screen.getByLabelText("Order"), { target: { value: "asc" } });
    await waitFor(() => expect(firstEmail()).toBe("a0000@example.com"));
    const shown = [...document.querySelectorAll(".sends-table tbody td.email")].map((td) => td.textContent);
    expect(shown).toEqual(
      Array.from({ length: 25 }, (_, i) => `a${String(i * 10).padStart(4, "0")}@example.com`),
    );
    // A part of the name ("Name 0123"): the surname, not the start.
    fireEvent.input(box, { target: { value: "me 012" } });
    expect(await screen.findByText("10 sends")).toBeTruthy();
    await waitFor(() => expect(firstEmail()).toBe("a0120@example.com"));
    fireEvent.input(box, { target: { value: "nobody" } });
    expect(await screen.findByText("No sends match.")).toBeTruthy();
  });

  it("stale and offline: old data is still shown, with how old it is", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    await seed(10, Date.now() - 5 * 3_600_000);
    show();
    expect(await screen.findByText("10 sends")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("last fetched 5 h ago");
    expect(screen.getByRole("status").textContent).toContain("You are offline");
  });

  it("error: a sync that stopped says why", async () => {
    const db = await seed(10);
    await db.syncState.update(DS, {
      status: "stopped",
      lastError: { kind: "storage", message: "QuotaExceededError", at: Date.now() },
    });
    show();
    expect((await screen.findByRole("alert")).textContent).toContain("This device refused to store more");
  });
});
