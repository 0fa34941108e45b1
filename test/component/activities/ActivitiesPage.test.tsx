import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import { ActivitiesPage } from "../../../src/ui/routes/ActivitiesPage";
import * as sync from "../../../src/ui/work/sync";
import { renderAt } from "../support/renderAt";
import { account, activity, freshDb, syncState } from "../support/seed";

vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
  refreshCampaigns: vi.fn(async () => {}),
  syncSends: vi.fn(async () => {}),
  fetchActivityResults: vi.fn(async () => new Blob()),
}));

const show = () => renderAt("/activities", "/activities", ActivitiesPage);

beforeEach(() => {
  vi.clearAllMocks();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Activities screen", () => {
  it("first run: says no account is connected and points to Settings", async () => {
    freshDb();
    show();
    expect(await screen.findByText("No account yet")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Settings" }).getAttribute("href")).toBe("/settings");
  });

  it("loading: says it is reading the cache before IndexedDB answers", () => {
    freshDb();
    show();
    expect(screen.getByText("Reading the cache…")).toBeTruthy();
  });

  it("empty: an account with nothing cached refreshes itself once when online", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    show();
    expect(await screen.findByText("No bulk activities cached yet")).toBeTruthy();
    await waitFor(() => expect(sync.refreshActivities).toHaveBeenCalledTimes(1));
    expect(vi.mocked(sync.refreshActivities).mock.calls[0]?.[0]).toBe("acc-1");
  });

  it("a run left 'running' by a closed tab does not stop the refresh on opening", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(
      syncState({ dataset: "acc-1|activities", status: "running", fetchedAt: undefined }),
    );
    show();
    await waitFor(() => expect(sync.refreshActivities).toHaveBeenCalledTimes(1));
  });

  it("data: lists v2 and v3 activities newest first with counts, progress and marks", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(syncState({ dataset: "acc-1|activities" }));
    await db.activities.bulkPut([
      activity({
        activityId: "old",
        generation: "v2",
        type: "EXPORT_CONTACTS",
        createdAt: "2026-01-01T00:00:00.000Z",
      }),
      activity({
        activityId: "run",
        status: "running",
        rawStatus: "processing",
        percentDone: 40,
        itemsTotal: 1000,
        itemsDone: 400,
        createdAt: new Date().toISOString(),
      }),
      activity({ activityId: "gone", goneFromServer: true, createdAt: "2026-02-01T00:00:00.000Z" }),
    ]);
    show();
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("40");
    expect(bar.getAttribute("aria-valuetext")).toBe("40%, 400 of 1,000 items");
    const ids = [...document.querySelectorAll(".activity-id")].map((e) => e.textContent?.replace(" · ", ""));
    expect(ids).toEqual(["run", "gone", "old"]);
    expect(screen.getByText("watching")).toBeTruthy();
    expect(screen.getByText("no longer on Constant Contact")).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Activities by status" });
    expect(within(counts).getByText("1 running")).toBeTruthy();
    expect(within(counts).getByText("2 completed")).toBeTruthy();
    expect(
      screen
        .getByText(/fetched/)
        .querySelector("time")
        ?.getAttribute("datetime"),
    ).toMatch(/Z$/);
    expect(sync.refreshActivities).not.toHaveBeenCalled();
  });

  it("filters by generation, by unfinished and by type", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(syncState({ dataset: "acc-1|activities" }));
    await db.activities.bulkPut([
      activity({ activityId: "a2", generation: "v2", type: "EXPORT_CONTACTS" }),
      activity({ activityId: "a3", status: "pending", rawStatus: "initialized" }),
    ]);
    show();
    await screen.findByText("Showing 2 of 2");
    fireEvent.change(screen.getByLabelText("API"), { target: { value: "v2" } });
    expect(await screen.findByText("Showing 1 of 2")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("API"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "unfinished" } });
    await screen.findByText("Showing 1 of 2");
    expect(document.querySelector(".activity-id")?.textContent).toContain("a3");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "EXPORT_CONTACTS" } });
    await screen.findByText("Showing 1 of 2");
    expect(document.querySelector(".activity-id")?.textContent).toContain("a2");
  });

  it("stale: says the list is old and offers a refresh", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(syncState({ dataset: "acc-1|activities", fetchedAt: Date.now() - 3 * 3_600_000 }));
    await db.activities.put(activity());
    show();
    expect(await screen.findByText(/last fetched 3 h ago and may be out of date/)).toBeTruthy();
  });

  it("error: a failed refresh is shown by kind with what to do", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(syncState({ dataset: "acc-1|activities" }));
    await db.activities.put(activity());
    vi.mocked(sync.refreshActivities).mockRejectedValueOnce(new MailroomError("forbidden", "403 Forbidden"));
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Refresh" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Not allowed");
    expect(alert.textContent).toContain("contact_data");
    expect(alert.textContent).toContain("403 Forbidden");
  });

  it("error: a stored sync failure is shown after a reload", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    const lastError = { kind: "quota_exceeded", message: "quota_exceeded", at: Date.now() };
    await db.syncState.put(syncState({ dataset: "acc-1|activities", status: "stopped", lastError }));
    show();
    expect((await screen.findByRole("alert")).textContent).toContain("resets at 00:00 UTC");
    // A failed last run is retried once on opening (the cause may have been fixed meanwhile).
    await waitFor(() => expect(sync.refreshActivities).toHaveBeenCalledTimes(1));
  });

  it("offline: shows the cache, disables Refresh and does not try to fetch", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const db = freshDb();
    await db.accounts.put(account());
    show();
    expect(await screen.findByText(/You are offline: activities appear here/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Refresh" }) as HTMLButtonElement).disabled).toBe(true);
    expect(sync.refreshActivities).not.toHaveBeenCalled();
  });
});

describe("Activities screen and the background poller", () => {
  /** A service worker that records what the page posts to it. */
  function fakeWorker(): ReturnType<typeof vi.fn> {
    const postMessage = vi.fn();
    Object.defineProperty(navigator, "serviceWorker", {
      configurable: true,
      value: { ready: Promise.resolve({ active: { postMessage } }) },
    });
    return postMessage;
  }
  afterEach(() => {
    Reflect.deleteProperty(navigator, "serviceWorker");
  });

  for (const [schedule, nextPollInMs, wakes] of [
    ["idle for 5 minutes", 5 * 60_000, true],
    ["due in 2 seconds", 2_000, false],
  ] as const) {
    it(`a new unfinished job with the next round ${schedule} ${wakes ? "wakes" : "does not wake"} the worker`, async () => {
      const postMessage = fakeWorker();
      const db = freshDb();
      await db.accounts.put(account());
      await db.syncState.put(syncState({ dataset: "acc-1|activities", fetchedAt: Date.now() }));
      await db.activities.put(activity({ activityId: "done-1" }));
      show();
      await screen.findByText("done-1", { exact: false });
      // One channel delivers in order: once the page shows the failure sent second, it has heard the
      // schedule sent first.
      const channel = new BroadcastChannel("mailroom");
      channel.postMessage({ type: "poll-finished", at: Date.now(), unfinished: 0, nextPollInMs });
      channel.postMessage({ type: "poll-failed", accountId: "acc-1", kind: "server", message: "heard" });
      channel.close();
      expect((await screen.findByRole("alert")).textContent).toContain("heard");

      await db.activities.put(activity({ activityId: "new-1", status: "running", rawStatus: "processing" }));
      await screen.findByText("new-1", { exact: false });
      if (wakes) {
        await waitFor(() =>
          expect(postMessage).toHaveBeenCalledWith({ type: "POLL_NOW", reason: "new-jobs" }),
        );
      } else {
        // The decision ran with the render that showed new-1; a wake would have awaited the worker's
        // `ready` before posting, so once this await returns, that post would have been made.
        await navigator.serviceWorker.ready;
        expect(postMessage).not.toHaveBeenCalledWith({ type: "POLL_NOW", reason: "new-jobs" });
      }
    });
  }
});
