// @vitest-environment node
import { describe, expect, it } from "vitest";
import { callbackParameters, completeSignIn } from "../../../src/auth/callback";
import { readToken } from "../../../src/auth/tokens";
import { beginV2SignIn } from "../../../src/auth/v2SignIn";
import { AUTH_ORIGIN, eachTestWithAccount, formOf, jsonResponse, makeAccount, stubFetch } from "./support";

const REDIRECT = "http://127.0.0.1:5000/auth/callback";
const account = makeAccount({ generations: ["v2"], v3ClientId: undefined });

eachTestWithAccount(account);

async function startedSignIn() {
  const authorize = new URL(await beginV2SignIn(account, REDIRECT));
  const state = authorize.searchParams.get("state")!;
  const callback = (fragment: Record<string, string>) =>
    new URL(`${REDIRECT}#${new URLSearchParams({ state, ...fragment })}`);
  return { authorize, state, callback };
}

describe("v2 sign-in (implicit flow)", () => {
  it("asks for a token (response_type=token) with the API key as client id and a state", async () => {
    const { authorize, state } = await startedSignIn();
    expect(authorize.origin + authorize.pathname).toBe(`${AUTH_ORIGIN}/oauth2/oauth/siteowner/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: "token",
      client_id: "key-123",
      redirect_uri: REDIRECT,
      state,
    });
  });

  it("reads the token from the fragment, checks it with tokeninfo, and stores it", async () => {
    const { callback } = await startedSignIn();
    const { requests } = stubFetch(() =>
      jsonResponse({ client_id: "key-123", user_name: "acme", expires_in: 315_359_999 }),
    );
    const result = await completeSignIn(
      callback({ access_token: "v2-token", token_type: "Bearer", expires_in: "315359999" }),
    );
    expect(result).toEqual({ accountId: account.id, generation: "v2", notice: undefined });
    expect(requests[0]!.url).toBe(`${AUTH_ORIGIN}/oauth2/tokeninfo.htm`);
    expect((await formOf(requests[0]!)).get("access_token")).toBe("v2-token");
    const stored = await readToken(account.id, "v2");
    expect(stored?.accessToken).toBe("v2-token");
    expect(stored?.refreshToken).toBeUndefined();
  });

  it("refuses a token that tokeninfo says belongs to another API key", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => jsonResponse({ client_id: "someone-else" }));
    await expect(completeSignIn(callback({ access_token: "t" }))).rejects.toMatchObject({
      kind: "invalid_client",
    });
    expect(await readToken(account.id, "v2")).toBeUndefined();
  });

  it("keeps the token with a notice when tokeninfo cannot be reached", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    const result = await completeSignIn(callback({ access_token: "t" }));
    expect(result.notice).toMatch(/could not be checked/);
    expect(await readToken(account.id, "v2")).toMatchObject({ accessToken: "t" });
  });

  it("refuses a fragment whose state was tampered with", async () => {
    await startedSignIn();
    const { spy } = stubFetch(() => jsonResponse({}));
    const forged = new URL(`${REDIRECT}#access_token=t&state=forged`);
    await expect(completeSignIn(forged)).rejects.toMatchObject({ kind: "unknown_state" });
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports denied consent in the fragment or the query", async () => {
    const first = await startedSignIn();
    await expect(completeSignIn(first.callback({ error: "access_denied" }))).rejects.toMatchObject({
      kind: "denied",
    });
    const second = await startedSignIn();
    const inQuery = new URL(`${REDIRECT}?error=access_denied&state=${second.state}`);
    await expect(completeSignIn(inQuery)).rejects.toMatchObject({ kind: "denied" });
  });

  it("reads parameters from the fragment when it holds the answer, else from the query", () => {
    expect(callbackParameters(new URL(`${REDIRECT}?code=c&state=s`)).get("code")).toBe("c");
    expect(callbackParameters(new URL(`${REDIRECT}?x=1#access_token=t&state=s`)).get("access_token")).toBe(
      "t",
    );
  });
});
