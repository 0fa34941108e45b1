import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import CampaignsPage from "../../../src/ui/routes/CampaignsPage";
import * as sync from "../../../src/ui/work/sync";
import { putSends } from "../../support/sends";
import { renderAt } from "../support/renderAt";
import { account, campaign, freshDb, sends, syncState } from "../support/seed";

vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
  refreshCampaigns: vi.fn(async () => {}),
  syncSends: vi.fn(async () => {}),
  fetchActivityResults: vi.fn(async () => new Blob()),
}));

const show = () => renderAt("/campaigns", "/campaigns", CampaignsPage);
const V2 = "acc-1|v2|c-1";
const V3 = "acc-1|v3|ca-primary";

async function seedCampaigns() {
  const db = freshDb();
  await db.accounts.put(account());
  await db.syncState.put(syncState({ dataset: "acc-1|campaigns", kind: "campaigns" }));
  await db.campaigns.bulkPut([
    campaign(),
    campaign({
      generation: "v3",
      campaignId: "e-1",
      name: "Newsletter",
      status: "Done",
      lastRunAt: "2026-11-24T09:00:00.000Z",
    }),
    campaign({ campaignId: "draft", name: "Draft", status: "DRAFT" }),
  ]);
  await db.campaignActivities.bulkPut([
    {
      accountId: "acc-1",
      campaignId: "e-1",
      campaignActivityId: "ca-primary",
      role: "primary_email",
      fetchedAt: 1,
    },
    { accountId: "acc-1", campaignId: "e-1", campaignActivityId: "ca-link", role: "permalink", fetchedAt: 1 },
  ]);
  return db;
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Campaigns screen", () => {
  it("first run without an account points to Settings", async () => {
    freshDb();
    show();
    expect(screen.getByText("Reading the cache…")).toBeTruthy();
    expect(await screen.findByText("No account yet")).toBeTruthy();
  });

  it("empty: refreshes the campaigns once on opening", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    show();
    expect(await screen.findByText("No sent campaigns cached yet")).toBeTruthy();
    await waitFor(() => expect(sync.refreshCampaigns).toHaveBeenCalledTimes(1));
  });

  it("data: sent campaigns newest first with their send lists, cached vs expected and freshness", async () => {
    const db = await seedCampaigns();
    await putSends(sends(V2, 25));
    await db.syncState.put(
      syncState({
        dataset: V2,
        kind: "sends",
        rows: 25,
        expectedRows: 40,
        status: "partial",
        fetchedAt: Date.now() - 3 * 3_600_000,
      }),
    );
    show();
    const names = await screen.findAllByRole("heading", { level: 2 });
    expect(names.map((h) => h.textContent)).toEqual(["Newsletter", "Spring sale"]);
    expect(await screen.findByText(/25\s*of 40\s*sends cached/)).toBeTruthy();
    const freshness = [...document.querySelectorAll(".send-list .freshness")].map((e) => e.textContent);
    expect(freshness).toContain("fetched 3 h ago · partial");
    expect(freshness).toContain("Sends not fetched yet");
    expect(
      screen.getByRole("link", { name: "Open sends of Primary email of Newsletter" }).getAttribute("href"),
    ).toBe(`/campaigns/${encodeURIComponent(V3)}/sends`);
    expect(screen.queryByText("Draft")).toBeNull();
  });

  it("sync: runs with progress, rate and time left, and Cancel aborts it", async () => {
    const db = await seedCampaigns();
    let signal: AbortSignal | undefined;
    vi.mocked(sync.syncSends).mockImplementationOnce(
      (_dataset, options) =>
        new Promise((_resolve, reject) => {
          signal = options?.signal;
          signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
        }),
    );
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Sync Sends of Spring sale" }));
    expect(vi.mocked(sync.syncSends).mock.calls[0]?.[0]).toBe(V2);
    await db.syncState.put(
      syncState({
        dataset: V2,
        kind: "sends",
        status: "running",
        rows: 2500,
        pages: 5,
        expectedRows: 10_000,
        rate: 50,
      }),
    );
    expect(await screen.findByText(/2,500 rows · 5 pages · 50 rows\/s · about 2 min 30 s left/)).toBeTruthy();
    expect(
      screen.getByRole("progressbar", { name: "Sync of Sends of Spring sale" }).getAttribute("aria-valuenow"),
    ).toBe("25");
    fireEvent.click(screen.getByRole("button", { name: "Cancel sync of Sends of Spring sale" }));
    expect(signal?.aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("error: says why a sync stopped, by kind", async () => {
    const db = await seedCampaigns();
    await db.syncState.put(
      syncState({
        dataset: V3,
        kind: "sends",
        status: "stopped",
        lastError: { kind: "forbidden", message: "403 from reports", at: Date.now() },
      }),
    );
    show();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("campaign_data");
    expect(alert.textContent).toContain("403 from reports");
  });

  it("error: a failed campaign refresh is shown with what to do", async () => {
    const db = await seedCampaigns();
    vi.mocked(sync.refreshCampaigns).mockRejectedValueOnce(new MailroomError("network", "Failed to fetch"));
    show();
    fireEvent.click(await screen.findByRole("button", { name: "Refresh campaigns" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Relay URL");
    expect(db).toBeTruthy();
  });

  it("offline: the cached list stays, syncing is disabled", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    await seedCampaigns();
    show();
    const button = (await screen.findByRole("button", {
      name: "Sync Sends of Spring sale",
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Refresh campaigns" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(sync.refreshCampaigns).not.toHaveBeenCalled();
  });
});
