import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../../src/db";
import { reloadAccountChoice } from "../../../src/ui/primitives/createCurrentAccount";
import PeoplePage from "../../../src/ui/routes/PeoplePage";
import PersonPage from "../../../src/ui/routes/PersonPage";
import { ACC, receivedBy, seedPeople, V3_AUTUMN, V3_SPRING, V3_SUMMER } from "../../unit/people/seed";
import { account, freshDb } from "../support/seed";

const syncSends = vi.fn(async (_dataset: string, _options?: { signal?: AbortSignal }) => undefined);
vi.mock("../../../src/ui/work/sync", () => ({
  syncSends: (d: string, o?: { signal?: AbortSignal }) => syncSends(d, o),
}));
vi.mock("../../../src/ui/work/persistence", () => ({ askForPersistenceOnFirstSync: async () => undefined }));

function show(path = "/people") {
  const history = createMemoryHistory();
  history.set({ value: path });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="/people" component={PeoplePage} />
      <Route path="/people/:email/history" component={PersonPage} />
      <Route path="*rest" component={() => <p>elsewhere</p>} />
    </MemoryRouter>
  ));
  return history;
}

beforeEach(async () => {
  freshDb();
  reloadAccountChoice();
  await db().accounts.put(account({ id: ACC }));
  await seedPeople();
});

afterEach(() => {
  cleanup();
  syncSends.mockClear();
});

describe("People screen", () => {
  it("search → a person → their history, with an honest coverage line", async () => {
    show();
    expect(
      await screen.findByText(
        "Searching 4 cached send lists; 1 send list is not cached yet (1 of the cached ones not fully synced).",
      ),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Email or name contains"), { target: { value: "ANN@" } });
    expect(await screen.findByText("2 people")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "ann@example.org" }));
    expect(await screen.findByRole("heading", { name: "History of ann@example.org" })).toBeTruthy();
    expect(await screen.findByText("3 sends")).toBeTruthy();
    const rows = document.querySelectorAll(".history-table tbody tr");
    expect([...rows].map((row) => row.querySelectorAll("td")[1]?.textContent)).toEqual([
      "Spring sale · resend",
      "Spring sale",
      "Spring sale",
    ]);
    // The coverage line reads its own live query: it may come after the history's rows.
    expect(
      await screen.findByText(
        "Found in 3 of 4 cached send lists; 1 send list is not cached yet (1 of the cached ones not fully synced).",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export this history (CSV)" })).toBeTruthy();
  });

  it("finds people by an accent-free name and says when nobody matches", async () => {
    show();
    fireEvent.input(await screen.findByLabelText("Email or name contains"), { target: { value: "muller" } });
    expect(await screen.findByText("1 person")).toBeTruthy();
    expect(screen.getByText("Hans Müller")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Email or name contains"), { target: { value: "nobody-here" } });
    expect(await screen.findByText("Nobody matches.")).toBeTruthy();
  });

  it("syncs the send lists that are not cached yet, with the Campaigns screen's sync", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Sync the 1 missing send list" }));
    await waitFor(() => expect(syncSends).toHaveBeenCalledTimes(1));
    expect(syncSends.mock.calls[0]![0]).toBe(V3_AUTUMN);
  });

  it("compare: a question that cannot run says why; A but not B gives the exact count", async () => {
    show();
    const form = (await screen.findByRole("button", { name: "Compare" })).closest("form")!;
    fireEvent.click(within(form).getByRole("button", { name: "Compare" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Choose send list A and send list B.");
    fireEvent.change(within(form).getByLabelText("Send list A (received)"), { target: { value: V3_SPRING } });
    fireEvent.change(within(form).getByLabelText("Send list B (not received)"), {
      target: { value: V3_SUMMER },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Compare" }));
    const summer = receivedBy([V3_SUMMER]);
    const expected = [...receivedBy([V3_SPRING]).keys()].filter((email) => !summer.has(email));
    expect(await screen.findByText(`${expected.length} people`)).toBeTruthy();
    await waitFor(() =>
      expect(document.querySelectorAll(".compare-table tbody tr")).toHaveLength(expected.length),
    );
    expect(screen.getByRole("button", { name: "Export these people (CSV)" })).toBeTruthy();
  });
});
