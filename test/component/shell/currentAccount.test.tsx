import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadAccountChoice } from "../../../src/ui/primitives/createCurrentAccount";
import { ActivitiesPage } from "../../../src/ui/routes/ActivitiesPage";
import { AccountSwitcher } from "../../../src/ui/shell/AccountSwitcher";
import { account, activity, freshDb, syncState } from "../support/seed";

vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
}));

function showWithSwitcher() {
  const history = createMemoryHistory();
  history.set({ value: "/activities" });
  return render(() => (
    <MemoryRouter
      history={history}
      root={(props) => (
        <>
          <AccountSwitcher />
          {props.children}
        </>
      )}
    >
      <Route path="/activities" component={ActivitiesPage} />
    </MemoryRouter>
  ));
}

async function seedTwoAccounts() {
  const db = freshDb();
  await db.accounts.bulkPut([
    account({ id: "acc-1", label: "Shop", createdAt: 1 }),
    account({ id: "acc-2", label: "Club", createdAt: 2, sandbox: false }),
  ]);
  for (const id of ["acc-1", "acc-2"])
    await db.syncState.put(syncState({ dataset: `${id}|activities`, accountId: id }));
  await db.activities.bulkPut([
    activity({ accountId: "acc-1", activityId: "shop-job" }),
    activity({ accountId: "acc-2", activityId: "club-job" }),
  ]);
}

afterEach(cleanup);

describe("the current account", () => {
  it("falls back to the first account, switches from the header and remembers the choice", async () => {
    await seedTwoAccounts();
    reloadAccountChoice();
    showWithSwitcher();
    await screen.findByText(/shop-job/);
    const picker = screen.getByLabelText("Account") as HTMLSelectElement;
    expect(picker.value).toBe("acc-1");
    fireEvent.change(picker, { target: { value: "acc-2" } });
    await screen.findByText(/club-job/);
    expect(screen.queryByText(/shop-job/)).toBeNull();
    expect(localStorage.getItem("mailroom.currentAccount")).toBe("acc-2");
  });

  it("starts from the remembered account, and ignores one that was erased", async () => {
    await seedTwoAccounts();
    localStorage.setItem("mailroom.currentAccount", "acc-2");
    reloadAccountChoice();
    showWithSwitcher();
    await screen.findByText(/club-job/);
    cleanup();
    localStorage.setItem("mailroom.currentAccount", "gone");
    reloadAccountChoice();
    showWithSwitcher();
    await waitFor(() => expect(screen.getByText(/shop-job/)).toBeTruthy());
  });
});
