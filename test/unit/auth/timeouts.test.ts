// @vitest-environment node
// Token, refresh and revoke requests that never answer (issue 17): each ends after 15 s on the
// app's clock (here a clock whose waits the test ends), and what waited on it goes on.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { completeSignIn } from "../../../src/auth/callback";
import { refreshAccessToken } from "../../../src/auth/refresh";
import { eraseAccount, signOut } from "../../../src/auth/signOut";
import { AUTH_REQUEST_TIMEOUT_MS } from "../../../src/auth/timeout";
import { readToken, saveToken } from "../../../src/auth/tokens";
import { beginV3SignIn } from "../../../src/auth/v3SignIn";
import { db } from "../../../src/db";
import {
  freshDb,
  hangingFetch,
  jsonResponse,
  makeAccount,
  makeToken,
  manualWaits,
  putActivitiesCache,
} from "./support";

const account = makeAccount();
let waits: ReturnType<typeof manualWaits>;

beforeEach(async () => {
  freshDb();
  await db().accounts.add(account);
  waits = manualWaits();
});
afterEach(() => {
  waits.restore();
  vi.unstubAllGlobals();
});

const renewed = () =>
  jsonResponse({
    access_token: "access-2",
    refresh_token: "refresh-2",
    token_type: "Bearer",
    expires_in: 3600,
  });

/** Resolves once `requests` has `count` entries: the request is in flight. */
const inFlight = (requests: Request[], count = 1) => vi.waitFor(() => expect(requests).toHaveLength(count));

describe("a refresh that never answers", () => {
  it("fails as a network error after 15 s and releases the refresh lock for the next caller", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() + 10_000 }));
    const { requests } = hangingFetch(1, renewed);
    const hung = refreshAccessToken(account.id, "v3");
    const queued = refreshAccessToken(account.id, "v3");
    await inFlight(requests);
    expect(requests[0]?.signal.aborted).toBe(false);
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS - 1);
    expect(requests[0]?.signal.aborted).toBe(false);
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS);
    await expect(hung).rejects.toMatchObject({ kind: "network", message: /no answer within 15 s/ });
    expect(await queued).toBe("access-2");
    expect(await readToken(account.id, "v3")).toMatchObject({ refreshToken: "refresh-2" });
    expect((await readToken(account.id, "v3"))?.signInRequired).toBeUndefined();
  });
});

describe("a token endpoint that never answers the sign-in", () => {
  it("ends the sign-in after 15 s with a network error that says so", async () => {
    const authorize = new URL(await beginV3SignIn(account, "http://127.0.0.1:5000/auth/callback"));
    const state = authorize.searchParams.get("state") ?? "";
    const { requests } = hangingFetch(1);
    const signingIn = completeSignIn(new URL(`http://127.0.0.1:5000/auth/callback?code=c&state=${state}`));
    await inFlight(requests);
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS);
    await expect(signingIn).rejects.toMatchObject({ kind: "network", message: /no answer within 15 s/ });
    expect(await readToken(account.id, "v3")).toBeUndefined();
  });
});

describe("a revoke endpoint that never answers", () => {
  beforeEach(async () => {
    await saveToken(makeToken(account.id));
    await putActivitiesCache(account.id, 1);
  });

  it("sign out drops the tokens before revoking, and reports each revoke that timed out", async () => {
    const { requests } = hangingFetch(2);
    const signingOut = signOut(account.id);
    await inFlight(requests);
    expect(await readToken(account.id, "v3")).toBeUndefined();
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS);
    await inFlight(requests, 2);
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS);
    const { revokeFailures } = await signingOut;
    expect(revokeFailures).toHaveLength(2);
    expect(revokeFailures[0]).toMatch(/Revoking a token at .*revoke failed: .*no answer within 15 s/);
  });

  it("erase deletes the account's data first, calls back, then revokes as a best effort that says it failed", async () => {
    const { requests } = hangingFetch(1);
    let erasedLocallyFirst = false;
    const erasing = eraseAccount(account.id, {
      onLocalDataErased: () => {
        erasedLocallyFirst = requests.length === 0;
      },
    });
    await inFlight(requests);
    expect(erasedLocallyFirst).toBe(true);
    expect(await db().accounts.get(account.id)).toBeUndefined();
    expect(await readToken(account.id, "v3")).toBeUndefined();
    expect(await db().syncState.count()).toBe(0);
    waits.elapse(AUTH_REQUEST_TIMEOUT_MS);
    const { revokeFailures } = await erasing;
    expect(revokeFailures).toHaveLength(1);
    expect(revokeFailures[0]).toMatch(/no answer within 15 s/);
  });
});
