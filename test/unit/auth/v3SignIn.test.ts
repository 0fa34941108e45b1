// @vitest-environment node
// (jsdom's ArrayBuffer differs from the one WebCrypto returns, which trips oauth4webapi's base64url.)
import { calculatePKCECodeChallenge } from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { completeSignIn } from "../../../src/auth/callback";
import { readToken } from "../../../src/auth/tokens";
import { beginV3SignIn } from "../../../src/auth/v3SignIn";
import { db } from "../../../src/db";
import { AUTH_ORIGIN, eachTestWithAccount, formOf, jsonResponse, makeAccount, stubFetch } from "./support";

const REDIRECT = "http://127.0.0.1:5000/auth/callback";
const account = makeAccount();

eachTestWithAccount(account);

/** Starts a sign-in and returns what the consent page would send back, plus the authorize URL. */
async function startedSignIn() {
  const authorize = new URL(await beginV3SignIn(account, REDIRECT));
  const state = authorize.searchParams.get("state")!;
  const callback = (query: Record<string, string>) =>
    new URL(`${REDIRECT}?${new URLSearchParams({ state, ...query })}`);
  return { authorize, state, callback };
}

const tokenAnswer = { access_token: "at-1", refresh_token: "rt-1", token_type: "Bearer", expires_in: 86400 };

describe("v3 sign-in (authorization code + PKCE)", () => {
  it("builds the authorize URL with S256 PKCE, the state and the account's scopes", async () => {
    const { authorize, state } = await startedSignIn();
    expect(authorize.origin + authorize.pathname).toBe(`${AUTH_ORIGIN}/oauth2/default/v1/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "client-123",
      redirect_uri: REDIRECT,
      scope: "contact_data campaign_data offline_access",
      code_challenge_method: "S256",
    });
    const attempt = await db().authAttempts.get(state);
    expect(authorize.searchParams.get("code_challenge")).toBe(
      await calculatePKCECodeChallenge(attempt!.codeVerifier!),
    );
  });

  it("exchanges the code as a public client with the verifier, stores the tokens, forgets the attempt", async () => {
    const { state, callback } = await startedSignIn();
    const verifier = (await db().authAttempts.get(state))!.codeVerifier;
    const { requests } = stubFetch(() => jsonResponse(tokenAnswer));
    const result = await completeSignIn(callback({ code: "code-1" }));
    expect(result).toEqual({ accountId: account.id, generation: "v3" });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${AUTH_ORIGIN}/oauth2/default/v1/token`);
    const form = await formOf(requests[0]!);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "authorization_code",
      code: "code-1",
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: "client-123",
    });
    expect(requests[0]!.headers.get("authorization")).toBeNull();
    const token = await readToken(account.id, "v3");
    expect(token).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1" });
    expect(token!.expiresAt! - Date.now()).toBeGreaterThan(86_000_000);
    expect(await db().authAttempts.count()).toBe(0);
  });

  it("refuses a tampered state without calling the token endpoint", async () => {
    await startedSignIn();
    const { spy } = stubFetch(() => jsonResponse(tokenAnswer));
    await expect(completeSignIn(new URL(`${REDIRECT}?code=c&state=forged`))).rejects.toMatchObject({
      kind: "unknown_state",
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses a replayed callback: the second use of the same state is unknown", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => jsonResponse(tokenAnswer));
    await completeSignIn(callback({ code: "code-1" }));
    await expect(completeSignIn(callback({ code: "code-1" }))).rejects.toMatchObject({
      kind: "unknown_state",
    });
  });

  it("reports a code the server refuses (replayed or expired) as invalid_grant", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => jsonResponse({ error: "invalid_grant", error_description: "code already used" }, 400));
    await expect(completeSignIn(callback({ code: "used" }))).rejects.toMatchObject({ kind: "invalid_grant" });
    expect(await readToken(account.id, "v3")).toBeUndefined();
  });

  it("reports denied consent", async () => {
    const { callback } = await startedSignIn();
    const { spy } = stubFetch(() => jsonResponse(tokenAnswer));
    await expect(completeSignIn(callback({ error: "access_denied" }))).rejects.toMatchObject({
      kind: "denied",
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports a wrong client id, whether the consent page or the token endpoint says so", async () => {
    const first = await startedSignIn();
    await expect(completeSignIn(first.callback({ error: "unauthorized_client" }))).rejects.toMatchObject({
      kind: "invalid_client",
    });
    const second = await startedSignIn();
    stubFetch(() => jsonResponse({ error: "invalid_client" }, 401));
    await expect(completeSignIn(second.callback({ code: "c" }))).rejects.toMatchObject({
      kind: "invalid_client",
    });
  });

  it("reports a token endpoint that cannot be reached (offline, CORS) as a network failure", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => {
      throw new TypeError("Failed to fetch");
    });
    const failure = completeSignIn(callback({ code: "c" }));
    await expect(failure).rejects.toMatchObject({ kind: "network" });
    await expect(failure).rejects.toThrow(/token endpoint .*CORS/);
  });

  it("reports an answer that is not OAuth as a bad response", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => new Response("<html>proxy error</html>", { status: 200 }));
    await expect(completeSignIn(callback({ code: "c" }))).rejects.toMatchObject({ kind: "bad_response" });
  });

  it("says so when the address carries no sign-in answer at all", async () => {
    await expect(completeSignIn(new URL(REDIRECT))).rejects.toMatchObject({ kind: "missing_parameters" });
  });
});

describe("the authorization response's issuer (RFC 9207 iss)", () => {
  // The account's issuer is its token URL's path before /v1/token, as on Okta (Constant Contact).
  const ISSUER = `${AUTH_ORIGIN}/oauth2/default`;

  it("accepts an answer that names the account's issuer", async () => {
    const { callback } = await startedSignIn();
    stubFetch(() => jsonResponse(tokenAnswer));
    await completeSignIn(callback({ code: "code-1", iss: ISSUER }));
    expect(await readToken(account.id, "v3")).toMatchObject({ accessToken: "at-1" });
  });

  it("refuses an answer from another issuer before the code is spent, saying which", async () => {
    const { callback } = await startedSignIn();
    const { spy } = stubFetch(() => jsonResponse(tokenAnswer));
    const failure = completeSignIn(
      callback({ code: "code-1", iss: "https://attacker.example/oauth2/default" }),
    );
    await expect(failure).rejects.toMatchObject({ kind: "bad_response" });
    await expect(failure).rejects.toThrow(/attacker\.example.* not from this account's server/);
    expect(spy).not.toHaveBeenCalled();
    expect(await readToken(account.id, "v3")).toBeUndefined();
  });
});
