import { cleanup, fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answerDemoInPage } from "../../../src/auth/demoInPage";
import { endpointsOn, SANDBOX_V2_API_KEY, SANDBOX_V3_CLIENT_ID } from "../../../src/auth/presets";
import { DEMO_ORIGIN } from "../../../src/core/demo";
import type { StoredToken } from "../../../src/db";
import { AccountsSection } from "../../../src/ui/accounts/AccountsSection";
import { ActivitiesPage } from "../../../src/ui/routes/ActivitiesPage";
import { renderAt } from "../support/renderAt";
import { account, activity, freshDb, syncState } from "../support/seed";

// The screens' sync calls are not under test here: only what the header says about the cache.
vi.mock("../../../src/ui/work/sync", () => ({
  refreshActivities: vi.fn(async () => {}),
  refreshCampaigns: vi.fn(async () => {}),
  syncSends: vi.fn(async () => {}),
  fetchActivityResults: vi.fn(async () => new Blob()),
}));

const MIN = 60_000;
const token = (generation: "v2" | "v3", patch: Partial<StoredToken> = {}): StoredToken => ({
  accountId: "acc-1",
  generation,
  accessToken: `token-${generation}`,
  refreshToken: generation === "v3" ? "refresh" : undefined,
  expiresAt: Date.now() + 3_600_000,
  updatedAt: Date.now(),
  ...patch,
});

/** An account of both generations with two activities cached, and its list state per generation. */
async function seed(
  generations: NonNullable<ReturnType<typeof syncState>["generations"]>,
  tokens: StoredToken[],
) {
  const db = freshDb();
  await db.accounts.put(account({ generations: ["v3", "v2"] }));
  await db.tokens.bulkPut(tokens);
  await db.activities.bulkPut([
    activity({ activityId: "a-1", generation: "v3", type: "unknown" }),
    activity({ activityId: "a-2", generation: "v3", type: "unknown", fileName: "spring.csv" }),
  ]);
  await db.syncState.put(syncState({ dataset: "acc-1|activities", rows: 2, generations }));
  return db;
}

/** Waits until the header (which reads the account's tokens live) says `text`. */
const expectHeader = (text: string) =>
  waitFor(() => expect(document.querySelector(".toolbar .freshness")?.textContent).toBe(text));

// Demo accounts are answered by the page's own sandbox, as main.tsx sets up.
let stopAnswering: () => void;
beforeEach(() => {
  vi.clearAllMocks();
  stopAnswering = answerDemoInPage();
});
afterEach(() => {
  stopAnswering();
  cleanup();
  vi.unstubAllGlobals();
});

describe("screen headers: freshness per API generation", () => {
  it("v3 fetched, v2 never signed in: says both, offers v2's sign-in, and shows no error", async () => {
    await seed(
      { v3: { outcome: "fetched", fetchedAt: Date.now() - 2 * MIN, rows: 2, at: Date.now() - 2 * MIN } },
      [token("v3")],
    );
    renderAt("/activities", "/activities", ActivitiesPage);
    await expectHeader("v3 fetched 2 min ago · v2 not signed in");
    expect(screen.getByText("v2: not signed in yet")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign in with v2" })).toBeTruthy();
    expect(screen.queryByText(/not fetched yet|partial|no longer accepts/)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    // A v3 activity is titled by its file name when it has one.
    expect(screen.getByRole("link", { name: "spring.csv" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Bulk activity" })).toBeTruthy();
  });

  it("both signed in: each generation's own time, and a failed last try is said", async () => {
    await seed(
      {
        v3: { outcome: "fetched", fetchedAt: Date.now() - 2 * MIN, rows: 2, at: Date.now() - 2 * MIN },
        v2: {
          outcome: "failed",
          fetchedAt: Date.now() - 180 * MIN,
          at: Date.now() - 2 * MIN,
          error: { kind: "server", message: "500", at: Date.now() - 2 * MIN },
        },
      },
      [token("v3"), token("v2")],
    );
    renderAt("/activities", "/activities", ActivitiesPage);
    await expectHeader("v3 fetched 2 min ago · v2 fetched 3 h ago (the last try failed)");
    expect(screen.queryByRole("button", { name: /Sign in with/ })).toBeNull();
  });

  it("a generation refused since it signed in reads 'sign-in required', not 'not signed in yet'", async () => {
    await seed({ v3: { outcome: "fetched", fetchedAt: Date.now() - 2 * MIN, rows: 2, at: Date.now() } }, [
      token("v3"),
      token("v2", { signInRequired: "Constant Contact no longer accepts this v2 token." }),
    ]);
    renderAt("/activities", "/activities", ActivitiesPage);
    await expectHeader("v3 fetched 2 min ago · v2 sign-in required");
    expect(screen.queryByText("v2: not signed in yet")).toBeNull();
  });

  it("the prompt's button signs in (here in demo mode, in the page) and the header follows at once", async () => {
    const db = await seed(
      { v3: { outcome: "fetched", fetchedAt: Date.now() - 2 * MIN, rows: 2, at: Date.now() } },
      [token("v3")],
    );
    await db.accounts.update("acc-1", {
      endpoints: endpointsOn(DEMO_ORIGIN),
      v3ClientId: SANDBOX_V3_CLIENT_ID,
      v2ApiKey: SANDBOX_V2_API_KEY,
    });
    renderAt("/activities", "/activities", ActivitiesPage);
    fireEvent.click(await screen.findByRole("button", { name: "Sign in with v2" }));
    await waitFor(async () => expect((await db.tokens.get(["acc-1", "v2"]))?.accessToken).toBeTruthy());
    await expectHeader("v3 fetched 2 min ago · v2 not fetched yet");
    expect(screen.queryByText("v2: not signed in yet")).toBeNull();
  });

  it("a list state stored before generations were keeps its one line", async () => {
    const db = freshDb();
    await db.accounts.put(account());
    await db.syncState.put(syncState({ dataset: "acc-1|activities", fetchedAt: undefined, status: "idle" }));
    renderAt("/activities", "/activities", ActivitiesPage);
    expect(await screen.findByText("Activities not fetched yet")).toBeTruthy();
  });
});

describe("Settings: a generation never signed in", () => {
  it("reads 'v2: not signed in yet' next to its sign-in button, never 'no longer accepts'", async () => {
    const db = freshDb();
    await db.accounts.put(account({ generations: ["v3", "v2"] }));
    await db.tokens.put(token("v3"));
    render(() => <AccountsSection />);
    const row = await screen.findByRole("listitem", { name: "Sandbox" });
    const v2 = within(row).getByText("Sign in with v2").closest("li")!;
    expect(v2.textContent).toContain("v2: not signed in yet");
    expect(row.textContent).not.toContain("no longer accepts");
  });
});
