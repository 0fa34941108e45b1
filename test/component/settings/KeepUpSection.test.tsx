import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { sendsDatasetId } from "../../../src/db";
import { getKeepUpSetting, keepUpSettingKey, keepUpStatusKey } from "../../../src/db/keepUp";
import { KeepUpSection } from "../../../src/ui/settings/KeepUpSection";
import { renderAt } from "../support/renderAt";
import { account, campaign, freshDb, syncState } from "../support/seed";

const show = () => renderAt("/settings", "/settings", KeepUpSection);

afterEach(() => cleanup());

/** Three v2 campaigns: one list synced to its end, one never synced, one synced part-way (1,200 missing). */
async function seedLists() {
  const db = freshDb();
  await db.accounts.put(account({ generations: ["v2"] }));
  await db.campaigns.bulkPut([
    campaign({ campaignId: "c-1", lastRunAt: "2026-11-20T09:00:00.000Z" }),
    campaign({ campaignId: "c-2", name: "Autumn", lastRunAt: "2026-11-21T09:00:00.000Z" }),
    campaign({ campaignId: "c-3", name: "Winter", lastRunAt: "2026-11-22T09:00:00.000Z" }),
  ]);
  const state = (id: string, patch: object) =>
    syncState({ dataset: sendsDatasetId("acc-1", "v2", id), kind: "sends", fetchedAt: Date.now(), ...patch });
  await db.syncState.bulkPut([
    state("c-1", { status: "complete", rows: 0, expectedRows: 0 }),
    state("c-3", { status: "partial", rows: 0, expectedRows: 1_200 }),
  ]);
  return db;
}

describe("Keep all send lists up to date, in Settings", () => {
  it("is off by default and shows the plan of the lists it would fetch", async () => {
    await seedLists();
    show();
    const box = (await screen.findByRole("checkbox", {
      name: "Keep all send lists up to date",
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    // c-3: ⌈1,200 / 500⌉ + 2 = 5; c-2, never asked: one page + 2 = 3.
    await waitFor(() =>
      expect(screen.getByTestId("keep-up-plan").textContent).toBe(
        "2 send lists to fetch: about 8 requests (1 of unknown size, counted as one page each until asked).",
      ),
    );
    expect((screen.getByLabelText(/Share of the day's requests/) as HTMLSelectElement).value).toBe("0.5");
  });

  it("turning it on and choosing a share saves them for the account", async () => {
    await seedLists();
    show();
    fireEvent.click(await screen.findByRole("checkbox", { name: "Keep all send lists up to date" }));
    await waitFor(async () => expect((await getKeepUpSetting("acc-1")).enabled).toBe(true));
    fireEvent.change(screen.getByLabelText(/Share of the day's requests/), { target: { value: "0.2" } });
    await waitFor(async () => expect(await getKeepUpSetting("acc-1")).toEqual({ enabled: true, share: 0.2 }));
  });

  it("shows the plan capped by the share left today", async () => {
    const db = await seedLists();
    await db.settings.put({
      key: keepUpSettingKey("acc-1"),
      value: { enabled: true, share: 0.1 },
      accountId: "acc-1",
    });
    await db.budget.put({
      appKey: "key-1",
      day: new Date().toISOString().slice(0, 10),
      used: 998,
      recent: [],
    });
    await db.accounts.put(account({ generations: ["v2"], v2ApiKey: "key-1" }));
    show();
    await waitFor(() =>
      expect(screen.getByTestId("keep-up-plan").textContent).toBe(
        "1 send list to fetch: about 2 requests. 1 more send list after today's share.",
      ),
    );
  });

  it("shows a running round's progress, and why the last one stopped", async () => {
    const db = await seedLists();
    const status = {
      state: "running",
      startedAt: Date.now(),
      planned: 3,
      done: 1,
      failed: 0,
      requests: 42,
    };
    await db.settings.put({ key: keepUpStatusKey("acc-1"), value: status, accountId: "acc-1" });
    show();
    await waitFor(() =>
      expect(screen.getByTestId("keep-up-progress").textContent).toContain(
        "Running now: 1 of 3 send lists fetched · 42 requests",
      ),
    );
    await db.settings.put({
      key: keepUpStatusKey("acc-1"),
      accountId: "acc-1",
      value: {
        ...status,
        state: "stopped",
        done: 2,
        requests: 60,
        finishedAt: Date.now(),
        stop: {
          kind: "unauthorized",
          message: "Sign in again to v2: revoked.",
          at: Date.now(),
          generation: "v2",
        },
      },
    });
    await waitFor(() => {
      const text = screen.getByTestId("keep-up-progress").textContent ?? "";
      expect(text).toContain("2 of 3 send lists fetched · 60 requests");
      expect(text).toContain("Stopped: sign-in required (v2). Sign in again to v2: revoked.");
    });
  });
});
