import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { RunningSyncState } from "../../../src/db";
import { SyncProgress } from "../../../src/ui/campaigns/SyncProgress";

const running: RunningSyncState = {
  dataset: "a|v3|x",
  accountId: "a",
  kind: "sends",
  status: "running",
  rows: 1_500,
  pages: 3,
  expectedRows: 10_000,
  startedAt: 0,
  runRows: 1_500,
};

describe("the progress of a running sync", () => {
  it("shows rows and pages, and nothing about retries while requests succeed", () => {
    render(() => <SyncProgress state={running} label="Sync of Primary email" />);
    expect(screen.getByText(/1,500 rows · 3 pages/)).toBeTruthy();
    expect(
      screen.getByRole("progressbar", { name: "Sync of Primary email" }).getAttribute("aria-valuenow"),
    ).toBe("15");
    expect(screen.queryByText(/trying again/)).toBeNull();
  });

  it("says why it stalls while a request is being tried again", () => {
    const retrying = {
      ...running,
      retrying: { kind: "server", message: "Constant Contact answered 503", attempt: 2, of: 4, until: 0 },
    };
    render(() => <SyncProgress state={retrying} label="Sync of Primary email" />);
    const notice = screen.getByRole("status");
    expect(notice.textContent).toBe("Constant Contact had a server error: trying again (2 of 4).");
    expect(notice.getAttribute("title")).toBe("Constant Contact answered 503");
  });
});
