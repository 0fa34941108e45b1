// @vitest-environment node
// "Explore with demo data" lasts: each page load answers demo requests with a new in-page sandbox,
// over the world persisted in IndexedDB, and it accepts the tokens an earlier page's sandbox issued.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeApiClient } from "../../../src/api/client";
import { completeSignIn } from "../../../src/auth/callback";
import { answerDemoInPage } from "../../../src/auth/demoInPage";
import {
  DEMO_REDIRECT_URI,
  endpointsOn,
  SANDBOX_V2_API_KEY,
  SANDBOX_V3_CLIENT_ID,
} from "../../../src/auth/presets";
import { authProviderFor } from "../../../src/auth/provider";
import { readToken } from "../../../src/auth/tokens";
import { beginV3SignIn } from "../../../src/auth/v3SignIn";
import { DEMO_ORIGIN, demoFetch } from "../../../src/core/demo";
import { type Account, DEMO_WORLD_KEY, db, demoWorldOr } from "../../../src/db";
import { freshDb, makeAccount } from "./support";

let stopAnswering: (() => void) | undefined;
let demo: Account;

/** A page load: from now on a new in-page sandbox answers demo requests. */
function loadPage(): void {
  stopAnswering?.();
  stopAnswering = answerDemoInPage();
}

beforeEach(async () => {
  freshDb();
  vi.stubGlobal(
    "fetch",
    vi.fn(() => Promise.reject(new Error("demo mode touched the network"))),
  );
  demo = makeAccount({
    v3ClientId: SANDBOX_V3_CLIENT_ID,
    v2ApiKey: SANDBOX_V2_API_KEY,
    endpoints: endpointsOn(DEMO_ORIGIN),
    sandbox: true,
  });
  await db().accounts.add(demo);
  loadPage();
  const authorize = await demoFetch(await beginV3SignIn(demo, DEMO_REDIRECT_URI), { redirect: "manual" });
  await completeSignIn(new URL(authorize.headers.get("Location")!));
});
afterEach(() => {
  stopAnswering?.();
  stopAnswering = undefined;
  vi.unstubAllGlobals();
});

const activities = () =>
  makeApiClient(demo, "v3", { auth: authProviderFor(demo.id, "v3") }).getJson("v3/activities", {
    context: { what: "the activity list" },
  });

describe("a demo account after a reload", () => {
  it("is served by the new page's sandbox with the token the previous page's issued", async () => {
    const token = (await readToken(demo.id, "v3"))?.accessToken;
    loadPage();
    expect(await activities()).toMatchObject({ activities: expect.any(Array) });
    // No refresh was needed: the new sandbox recognized the token as its own.
    expect((await readToken(demo.id, "v3"))?.accessToken).toBe(token);
  });

  it("renews an expired token at the new page's sandbox instead of requiring sign-in", async () => {
    const first = await readToken(demo.id, "v3");
    await db().tokens.update([demo.id, "v3"], { expiresAt: 0 });
    loadPage();
    expect(await activities()).toMatchObject({ activities: expect.any(Array) });
    const renewed = await readToken(demo.id, "v3");
    expect(renewed?.signInRequired).toBeUndefined();
    expect(renewed?.accessToken).not.toBe(first?.accessToken);
  });

  it("keeps one world: the page loads share the persisted anchor and token secret", async () => {
    const stored = (await db().settings.get(DEMO_WORLD_KEY))?.value;
    loadPage();
    await activities();
    expect((await db().settings.get(DEMO_WORLD_KEY))?.value).toEqual(stored);
  });
});

describe("the persisted demo world", () => {
  it("is created once, even by two tabs starting at the same time", async () => {
    await db().settings.delete(DEMO_WORLD_KEY);
    const create = vi.fn((seed: number) => () => ({ seed, anchor: 60_000 * seed, tokenSecret: `s${seed}` }));
    const [a, b] = await Promise.all([demoWorldOr(create(1)), demoWorldOr(create(2))]);
    expect(a).toEqual(b);
    expect(await demoWorldOr(create(3))).toEqual(a);
  });

  it("replaces a row that is not a demo world", async () => {
    await db().settings.put({ key: DEMO_WORLD_KEY, value: { seed: "x" } });
    const world = { seed: 7, anchor: 420_000, tokenSecret: "s" };
    expect(await demoWorldOr(() => world)).toEqual(world);
  });
});
