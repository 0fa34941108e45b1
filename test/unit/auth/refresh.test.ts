// @vitest-environment node
// (Node has no navigator.locks: these tests run on the in-memory lock fallback of src/core/locks.ts.)
import { describe, expect, it, vi } from "vitest";
import { authProviderFor } from "../../../src/auth/provider";
import { readToken, saveToken } from "../../../src/auth/tokens";
import { AuthRequiredError } from "../../../src/auth/types";
import { db, type StoredToken } from "../../../src/db";
import {
  eachTestWithAccount,
  formOf,
  jsonResponse,
  makeAccount,
  makeToken,
  putActivitiesCache,
  stubFetch,
} from "./support";

const account = makeAccount();
const provider = () => authProviderFor(account.id, "v3");

eachTestWithAccount(account);

/** A token endpoint that rotates: each refresh token works once and yields the next pair. */
function rotatingTokenEndpoint() {
  let generation = 1;
  return stubFetch(async (request) => {
    const form = await formOf(request);
    if (form.get("refresh_token") !== `refresh-${generation}`)
      return jsonResponse({ error: "invalid_grant" }, 400);
    generation += 1;
    return jsonResponse({
      access_token: `access-${generation}`,
      refresh_token: `refresh-${generation}`,
      token_type: "Bearer",
      expires_in: 3600,
    });
  });
}

describe("authProviderFor", () => {
  it("returns the stored token while it has more than a minute left, without a request", async () => {
    await saveToken(makeToken(account.id));
    const { spy } = rotatingTokenEndpoint();
    expect(await provider().accessToken()).toBe("access-1");
    expect(spy).not.toHaveBeenCalled();
  });

  it("refreshes a token that expires within a minute, and saves the new pair", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() + 30_000 }));
    const { requests } = rotatingTokenEndpoint();
    expect(await provider().accessToken()).toBe("access-2");
    const form = await formOf(requests[0]!);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "refresh_token",
      refresh_token: "refresh-1",
      client_id: "client-123",
    });
    expect(await readToken(account.id, "v3")).toMatchObject({
      accessToken: "access-2",
      refreshToken: "refresh-2",
    });
  });

  it("keeps a long-lived refresh token when the answer brings none", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() - 1 }));
    stubFetch(() => jsonResponse({ access_token: "access-2", token_type: "Bearer", expires_in: 3600 }));
    await provider().accessToken();
    expect(await readToken(account.id, "v3")).toMatchObject({
      accessToken: "access-2",
      refreshToken: "refresh-1",
    });
  });

  it("runs one refresh for two concurrent callers: the second reuses the rotated token", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() + 10_000 }));
    const { spy } = rotatingTokenEndpoint();
    const [first, second] = await Promise.all([provider().accessToken(), provider().accessToken()]);
    expect([first, second]).toEqual(["access-2", "access-2"]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("refreshes once after a 401, however many requests were refused with the same token", async () => {
    await saveToken(makeToken(account.id));
    const { spy } = rotatingTokenEndpoint();
    const refreshed = await Promise.all([1, 2, 3].map(() => provider().refreshAfterUnauthorized("access-1")));
    expect(refreshed).toEqual(["access-2", "access-2", "access-2"]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("saves the rotated pair before handing out the new access token", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() - 1 }));
    rotatingTokenEndpoint();
    const saved: StoredToken[] = [];
    const table = db().tokens;
    const put = table.put.bind(table);
    vi.spyOn(table, "put").mockImplementation((row, key) => {
      saved.push(row);
      return put(row, key);
    });
    const token = await provider().accessToken();
    expect(saved.map((row) => row.accessToken)).toEqual([token]);
    expect(saved[0]!.refreshToken).toBe("refresh-2");
  });

  it("on invalid_grant marks sign-in required, throws AuthRequiredError and keeps cached rows", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() - 1, refreshToken: "revoked" }));
    await putActivitiesCache(account.id, 3);
    rotatingTokenEndpoint();
    const failure = provider().accessToken();
    await expect(failure).rejects.toBeInstanceOf(AuthRequiredError);
    await expect(failure).rejects.toThrow(/invalid_grant/);
    expect((await readToken(account.id, "v3"))?.signInRequired).toMatch(/Sign in again/);
    expect(await db().syncState.count()).toBe(1);
    expect(await db().accounts.get(account.id)).toEqual(account);
    // Marked once: later callers are refused without spending another request.
    await expect(provider().accessToken()).rejects.toBeInstanceOf(AuthRequiredError);
  });

  it("leaves the token usable when the token endpoint cannot be reached", async () => {
    await saveToken(makeToken(account.id, { expiresAt: Date.now() - 1 }));
    stubFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    await expect(provider().accessToken()).rejects.toMatchObject({ name: "MailroomError", kind: "network" });
    expect((await readToken(account.id, "v3"))?.signInRequired).toBeUndefined();
  });

  it("asks for sign-in when there is no token, or a v2 token is refused", async () => {
    await expect(provider().accessToken()).rejects.toBeInstanceOf(AuthRequiredError);
    await saveToken(makeToken(account.id, { generation: "v2", refreshToken: undefined }));
    const v2 = authProviderFor(account.id, "v2");
    expect(await v2.accessToken()).toBe("access-1");
    await expect(v2.refreshAfterUnauthorized("access-1")).rejects.toBeInstanceOf(AuthRequiredError);
    expect((await readToken(account.id, "v2"))?.signInRequired).toBeTruthy();
  });
});
