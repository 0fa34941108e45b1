import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import type { ActivityErrorLine } from "../../../src/db";
import ActivityDetailPage from "../../../src/ui/routes/ActivityDetailPage";
import * as sync from "../../../src/ui/work/sync";
import { renderAt } from "../support/renderAt";
import { account, activity, freshDb } from "../support/seed";

vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
  refreshCampaigns: vi.fn(async () => {}),
  syncSends: vi.fn(async () => {}),
  fetchActivityResults: vi.fn(async () => new Blob(["email\n"], { type: "text/csv" })),
}));

const show = (path = "/activities/v3/act-1") =>
  renderAt(path, "/activities/:generation/:id", ActivityDetailPage);

function line(index: number, patch: Partial<ActivityErrorLine> = {}): ActivityErrorLine {
  return {
    accountId: "acc-1",
    activityId: "act-1",
    index,
    kind: "error",
    message: "Invalid email",
    ...patch,
  };
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Activity detail screen", () => {
  it("loading, then a clear 'not cached' state for an unknown id", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    show("/activities/v2/nope");
    expect(screen.getByText("Reading the cache…")).toBeTruthy();
    expect(await screen.findByText("Bulk activity not cached")).toBeTruthy();
  });

  it("no account: points to Settings", async () => {
    freshDb();
    show();
    expect(await screen.findByText("No account yet")).toBeTruthy();
  });

  it("data: a timeline picture with durations, the counts, and searchable error lines", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.activities.put(
      activity({
        createdAt: "2026-11-25T10:00:00.000Z",
        startedAt: "2026-11-25T10:00:12.000Z",
        finishedAt: "2026-11-25T10:03:12.000Z",
        itemsTotal: 2500,
        errorCount: 2,
      }),
    );
    await db.activityErrors.bulkPut([
      line(0, { lineNumber: 355, email: "bad@@example.com" }),
      line(1, { lineNumber: 1201, email: "ann@example.com", message: "Duplicate contact" }),
    ]);
    show();
    const picture = await screen.findByRole("img");
    expect(picture.getAttribute("aria-label")).toBe(
      "Timeline: created, started after 12 s, finished after 3 min.",
    );
    expect(picture.textContent).toContain("waited 12 s");
    expect(picture.textContent).toContain("ran 3 min");
    expect(screen.getByText("2,500")).toBeTruthy();
    await screen.findByText("2 of 2 lines");
    fireEvent.input(screen.getByLabelText("Search lines"), { target: { value: "duplicate" } });
    expect(await screen.findByText("1 of 2 lines")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Search lines"), { target: { value: "355" } });
    await screen.findByText("1 of 2 lines");
    expect(screen.getByText("bad@@example.com")).toBeTruthy();
  });

  it("running: shows progress and the watching mark", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.activities.put(
      activity({ status: "running", percentDone: 75, startedAt: new Date().toISOString() }),
    );
    show();
    expect((await screen.findByRole("progressbar")).getAttribute("aria-valuenow")).toBe("75");
    expect(screen.getByText("watching")).toBeTruthy();
  });

  it("finished v3 export: downloads the result file, and shows a failed download by kind", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.activities.put(activity({ type: "export", resultsHref: "/v3/file_exports/1" }));
    URL.createObjectURL = vi.fn(() => "blob:x");
    URL.revokeObjectURL = vi.fn();
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Download result file" }));
    await waitFor(() => expect(sync.fetchActivityResults).toHaveBeenCalledWith("acc-1", "act-1"));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    vi.mocked(sync.fetchActivityResults).mockRejectedValueOnce(new MailroomError("unauthorized", "401"));
    fireEvent.click(await screen.findByRole("button", { name: "Download result file" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Sign in again");
  });

  it("finished v2 export: its file_name is a result file to download too", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    const fileName = "https://api.constantcontact.com/v2/activities/a-7/file";
    await db.activities.put(
      activity({
        generation: "v2",
        activityId: "a-7",
        type: "EXPORT_CONTACTS",
        rawStatus: "COMPLETE",
        fileName,
      }),
    );
    URL.createObjectURL = vi.fn(() => "blob:x");
    URL.revokeObjectURL = vi.fn();
    show("/activities/v2/a-7");
    fireEvent.click(await screen.findByRole("button", { name: "Download result file" }));
    await waitFor(() => expect(sync.fetchActivityResults).toHaveBeenCalledWith("acc-1", "a-7"));
  });

  it("a v2 import's file_name is the uploaded file's name, not a result file: no button", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.activities.put(
      activity({ generation: "v2", activityId: "a-8", rawStatus: "COMPLETE", fileName: "contacts.csv" }),
    );
    show("/activities/v2/a-8");
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("button", { name: "Download result file" })).toBeNull();
  });

  it("offline: the download is disabled and says why", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const db = freshDb();
    await db.accounts.put(account());
    await db.activities.put(activity({ type: "export", resultsHref: "/v3/file_exports/1" }));
    show();
    const button = (await screen.findByRole("button", { name: "Download result file" })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/connect to download it/)).toBeTruthy();
  });
});
