import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import CampaignsPage from "../../../src/ui/routes/CampaignsPage";
import * as sync from "../../../src/ui/work/sync";
import { putSends } from "../../support/sends";
import { renderAt } from "../support/renderAt";
import { account, campaign, freshDb, sends, syncState } from "../support/seed";

vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
  refreshCampaigns: vi.fn(async () => {}),
  syncSends: vi.fn(async () => {}),
  resyncSends: vi.fn(async () => {}),
  removeSendList: vi.fn(async () => {}),
  fetchActivityResults: vi.fn(async () => new Blob()),
}));

const V2 = "acc-1|v2|c-1";
const LIST = "Sends of Spring sale";
const show = () => renderAt("/campaigns", "/campaigns", CampaignsPage);
/** The first render reads the cache and lazy chunks: slow on a loaded machine, so wait longer. */
const findButton = (name: string) => screen.findByRole("button", { name }, { timeout: 5_000 });

async function seedList(patch: Parameters<typeof syncState>[0] = { dataset: V2 }) {
  const db = freshDb();
  await db.accounts.put(account());
  await db.syncState.put(syncState({ dataset: "acc-1|campaigns", kind: "campaigns" }));
  await db.campaigns.put(campaign());
  await putSends(sends(V2, 25));
  await db.syncState.put(syncState({ kind: "sends", rows: 25, expectedRows: 25, ...patch }));
  return db;
}

/** A sync that runs until it is aborted, recording the order of events. */
function syncUntilAborted(events: string[]) {
  return (_dataset: string, options?: { signal?: AbortSignal }) =>
    new Promise<void>((_resolve, reject) => {
      options?.signal?.addEventListener("abort", () => {
        events.push("sync stopped");
        reject(new DOMException("Aborted", "AbortError"));
      });
    });
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Remove from this device", () => {
  it("asks first, says what stays, and Keep it removes nothing", async () => {
    await seedList();
    show();
    fireEvent.click(await findButton(`Remove from this device ${LIST}`));
    const question = screen.getByRole("group");
    expect(question.textContent).toContain(`Remove the 25 cached sends of ${LIST} from this device?`);
    expect(question.textContent).toContain("The account and its other send lists stay");
    expect(question.textContent).not.toContain("The sync running now stops");
    fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
    expect(screen.queryByRole("group")).toBeNull();
    expect(sync.removeSendList).not.toHaveBeenCalled();
  });

  it("Yes, remove removes this list only and says so, once its state is gone too", async () => {
    const db = await seedList();
    // As the engine does: the list's state goes with its sends.
    vi.mocked(sync.removeSendList).mockImplementationOnce(async (dataset) => {
      await db.syncState.delete(dataset);
    });
    show();
    fireEvent.click(await findButton(`Remove from this device ${LIST}`));
    fireEvent.click(screen.getByRole("button", { name: `Yes, remove ${LIST}` }));
    await waitFor(() => expect(sync.removeSendList).toHaveBeenCalledTimes(1));
    expect(vi.mocked(sync.removeSendList).mock.calls[0]).toEqual([V2]);
    expect((await screen.findByRole("status")).textContent).toBe(`Removed ${LIST} from this device.`);
    expect(await screen.findByText(/^0\s*sends cached/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: `Remove from this device ${LIST}` })).toBeNull();
  });

  it("while this tab syncs the list: says the sync stops, and stops it before removing", async () => {
    await seedList();
    const events: string[] = [];
    vi.mocked(sync.syncSends).mockImplementationOnce(syncUntilAborted(events));
    vi.mocked(sync.removeSendList).mockImplementationOnce(async () => {
      events.push("removed");
    });
    show();
    fireEvent.click(await findButton(`Sync new sends ${LIST}`));
    fireEvent.click(await findButton(`Remove from this device ${LIST}`));
    expect(screen.getByRole("group").textContent).toContain("The sync running now stops.");
    fireEvent.click(screen.getByRole("button", { name: `Yes, remove ${LIST}` }));
    await waitFor(() => expect(events).toEqual(["sync stopped", "removed"]));
  });

  it("a failed removal is shown by kind", async () => {
    await seedList();
    vi.mocked(sync.removeSendList).mockRejectedValueOnce(
      Object.assign(new Error("refused"), { name: "QuotaExceededError" }),
    );
    show();
    fireEvent.click(await findButton(`Remove from this device ${LIST}`));
    fireEvent.click(screen.getByRole("button", { name: `Yes, remove ${LIST}` }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/storage/i);
  });
});

describe("Sync everything again", () => {
  it("runs the full resync of this list (not an ordinary sync), and Cancel stops it", async () => {
    await seedList();
    const events: string[] = [];
    vi.mocked(sync.resyncSends).mockImplementationOnce(syncUntilAborted(events));
    show();
    fireEvent.click(await findButton(`Sync everything again ${LIST}`));
    expect(vi.mocked(sync.resyncSends).mock.calls[0]?.[0]).toBe(V2);
    expect(sync.syncSends).not.toHaveBeenCalled();
    fireEvent.click(await findButton(`Cancel sync of ${LIST}`));
    await waitFor(() => expect(events).toEqual(["sync stopped"]));
  });

  it("says that the held sends stay readable while a resync is under way or stopped half-way", async () => {
    await seedList({
      dataset: V2,
      status: "stopped",
      stopReason: "cancelled",
      resyncCopy: 1,
      nextLink: "/n",
    });
    show();
    expect(
      await screen.findByText(/the sends held stay readable until the new copy is complete/),
    ).toBeTruthy();
  });

  it("offline: disabled, like every sync", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    await seedList();
    show();
    const button = (await findButton(`Sync everything again ${LIST}`)) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(
      (screen.getByRole("button", { name: `Remove from this device ${LIST}` }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
