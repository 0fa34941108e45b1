// @vitest-environment node
// The whole sign-in against the sandbox's core, in process: the sandbox is the fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { completeSignIn } from "../../../src/auth/callback";
import { answerDemoInPage } from "../../../src/auth/demoInPage";
import {
  DEMO_REDIRECT_URI,
  endpointsOn,
  SANDBOX_V2_API_KEY,
  SANDBOX_V3_CLIENT_ID,
} from "../../../src/auth/presets";
import { authProviderFor } from "../../../src/auth/provider";
import { signOut } from "../../../src/auth/signOut";
import { readToken } from "../../../src/auth/tokens";
import { beginV2SignIn } from "../../../src/auth/v2SignIn";
import { beginV3SignIn } from "../../../src/auth/v3SignIn";
import { DEMO_ORIGIN, demoFetch } from "../../../src/core/demo";
import { type Account, db } from "../../../src/db";
import { makeSandbox, type Sandbox } from "../../../src/sandbox/core";
import { freshDb, makeAccount } from "./support";

const ORIGIN = "http://127.0.0.1:4174";
const REDIRECT = "http://127.0.0.1:5173/auth/callback";
let sandbox: Sandbox;
let account: Account;

/** Follows the authorize URL as the browser would, up to the redirect back to Mailroom. */
async function consent(authorizeUrl: string, fetchImpl: typeof fetch = fetch): Promise<URL> {
  const answer = await fetchImpl(authorizeUrl, { redirect: "manual" });
  expect(answer.status, await answer.clone().text()).toBe(302);
  return new URL(answer.headers.get("Location")!);
}

beforeEach(async () => {
  freshDb();
  sandbox = makeSandbox({ autoApprove: true, accessTokenLifetimeS: 3600, tokenRateLimit: 0 });
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
    sandbox.handle(new Request(input, init)),
  );
  account = makeAccount({
    v3ClientId: SANDBOX_V3_CLIENT_ID,
    v2ApiKey: SANDBOX_V2_API_KEY,
    endpoints: endpointsOn(ORIGIN),
    sandbox: true,
  });
  await db().accounts.add(account);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sign-in against the sandbox", () => {
  it("v3: PKCE sign-in, a rotated refresh, and a sign-out that revokes", async () => {
    const callback = await consent(await beginV3SignIn(account, REDIRECT));
    expect(await completeSignIn(callback)).toEqual({ accountId: account.id, generation: "v3" });
    const first = await readToken(account.id, "v3");
    expect(first?.refreshToken).toBeTruthy();

    const provider = authProviderFor(account.id, "v3");
    const renewed = await provider.refreshAfterUnauthorized(first!.accessToken);
    expect(renewed).not.toBe(first!.accessToken);
    expect((await readToken(account.id, "v3"))?.refreshToken).not.toBe(first!.refreshToken);

    expect(await signOut(account.id)).toEqual({ revokeFailures: [] });
    expect(sandbox.stats().byPath["POST /oauth2/default/v1/revoke"]).toBe(2);
  });

  it("v3: the same code twice is refused by the sandbox as invalid_grant", async () => {
    const callback = await consent(await beginV3SignIn(account, REDIRECT));
    await completeSignIn(callback);
    // A second attempt with a valid state, replaying the first code.
    const second = await consent(await beginV3SignIn(account, REDIRECT));
    second.searchParams.set("code", callback.searchParams.get("code")!);
    await expect(completeSignIn(second)).rejects.toMatchObject({ kind: "invalid_grant" });
  });

  it("v2: implicit sign-in, token from the fragment, checked with tokeninfo", async () => {
    const callback = await consent(await beginV2SignIn(account, REDIRECT));
    expect(callback.hash).toContain("access_token=");
    expect(await completeSignIn(callback)).toMatchObject({ generation: "v2", notice: undefined });
    expect(sandbox.stats().byPath["POST /oauth2/tokeninfo.htm"]).toBe(1);
    expect(await authProviderFor(account.id, "v2").accessToken()).toMatch(/.+/);
  });

  it("demo mode: signs in through the in-page sandbox without the network", async () => {
    const network = vi.fn();
    vi.stubGlobal("fetch", network);
    const demo = makeAccount({
      v3ClientId: SANDBOX_V3_CLIENT_ID,
      endpoints: endpointsOn(DEMO_ORIGIN),
      sandbox: true,
    });
    await db().accounts.add(demo);
    const stopAnswering = answerDemoInPage();
    const callback = await consent(await beginV3SignIn(demo, DEMO_REDIRECT_URI), demoFetch);
    await completeSignIn(callback);
    stopAnswering();
    expect((await readToken(demo.id, "v3"))?.accessToken).toBeTruthy();
    expect(network).not.toHaveBeenCalled();
  });
});
