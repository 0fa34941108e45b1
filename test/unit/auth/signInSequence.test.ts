// @vitest-environment node
// "Both v3 and v2" as one sign-in: v3's callback starts v2's at once, against the sandbox's core.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answerDemoInPage } from "../../../src/auth/demoInPage";
import { isSignInError } from "../../../src/auth/errors";
import { endpointsOn, SANDBOX_V2_API_KEY, SANDBOX_V3_CLIENT_ID } from "../../../src/auth/presets";
import { beginSignIn } from "../../../src/auth/signInSequence";
import { readToken } from "../../../src/auth/tokens";
import { DEMO_ORIGIN } from "../../../src/core/demo";
import { type Account, db } from "../../../src/db";
import { makeSandbox, type Sandbox } from "../../../src/sandbox/core";
import { finishSignIn, startSignIn } from "../../../src/ui/accounts/startSignIn";
import { freshDb, makeAccount } from "./support";

const ORIGIN = "http://127.0.0.1:4174";
const REDIRECT = "http://127.0.0.1:5173/auth/callback";
let sandbox: Sandbox;
let account: Account;

/** Follows the authorize URL as the browser would, up to the redirect back to Mailroom. */
async function consent(authorizeUrl: string): Promise<URL> {
  const answer = await fetch(authorizeUrl, { redirect: "manual" });
  expect(answer.status, await answer.clone().text()).toBe(302);
  return new URL(answer.headers.get("Location")!);
}

const sandboxAccount = (origin: string) =>
  makeAccount({
    v3ClientId: SANDBOX_V3_CLIENT_ID,
    v2ApiKey: SANDBOX_V2_API_KEY,
    generations: ["v3", "v2"],
    endpoints: endpointsOn(origin),
    sandbox: true,
  });

beforeEach(async () => {
  freshDb();
  sandbox = makeSandbox({ autoApprove: true, accessTokenLifetimeS: 3600, tokenRateLimit: 0 });
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
    sandbox.handle(new Request(input, init)),
  );
  account = sandboxAccount(ORIGIN);
  await db().accounts.add(account);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("signing in to both generations in one go", () => {
  it("starts with v3; its callback stores v3's token, then starts v2's sign-in on the same redirect URI", async () => {
    const first = new URL(await beginSignIn(account, ["v3", "v2"], REDIRECT));
    expect(first.pathname).toBe("/oauth2/default/v1/authorize");

    const go = vi.fn();
    const afterV3 = await finishSignIn(await consent(first.href), go);
    expect(afterV3).toMatchObject({ continuing: true, result: { generation: "v3" } });
    expect((await readToken(account.id, "v3"))?.accessToken).toBeTruthy();
    expect(await readToken(account.id, "v2")).toBeUndefined();
    expect(go).toHaveBeenCalledTimes(1);
    const second = new URL(go.mock.calls[0]![0] as string);
    expect(second.pathname).toBe("/oauth2/oauth/siteowner/authorize");
    expect(second.searchParams.get("response_type")).toBe("token");
    expect(second.searchParams.get("redirect_uri")).toBe(REDIRECT);

    const afterV2 = await finishSignIn(await consent(second.href), go);
    expect(afterV2).toMatchObject({ continuing: false, result: { generation: "v2" } });
    expect(afterV2.result.next).toBeUndefined();
    expect((await readToken(account.id, "v2"))?.accessToken).toBeTruthy();
    expect(go).toHaveBeenCalledTimes(1);
  });

  it("a single generation's sign-in goes nowhere after its callback", async () => {
    const go = vi.fn();
    const { continuing } = await finishSignIn(
      await consent(await beginSignIn(account, ["v3"], REDIRECT)),
      go,
    );
    expect(continuing).toBe(false);
    expect(go).not.toHaveBeenCalled();
  });

  it("a refused v3 consent stops the sequence: v2's sign-in is not started", async () => {
    const state = new URL(await beginSignIn(account, ["v3", "v2"], REDIRECT)).searchParams.get("state");
    const go = vi.fn();
    const refused = new URL(`${REDIRECT}?error=access_denied&state=${state}`);
    const error = await finishSignIn(refused, go).catch((e: unknown) => e);
    expect(isSignInError(error) && error.kind).toBe("denied");
    expect(go).not.toHaveBeenCalled();
    expect(await db().authAttempts.count()).toBe(0);
  });

  it("demo mode signs in to v3, then v2, inside the page, without navigating", async () => {
    const demo = sandboxAccount(DEMO_ORIGIN);
    await db().accounts.add(demo);
    const go = vi.fn();
    const stopAnswering = answerDemoInPage();
    const result = await startSignIn(demo, demo.generations, go).finally(stopAnswering);
    expect(result).toMatchObject({ accountId: demo.id, generation: "v2" });
    expect((await readToken(demo.id, "v3"))?.accessToken).toBeTruthy();
    expect((await readToken(demo.id, "v2"))?.accessToken).toBeTruthy();
    expect(go).not.toHaveBeenCalled();
  });
});
