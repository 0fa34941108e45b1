// @vitest-environment node
// The sign-in flows: v3 authorization code + PKCE with rotating refresh tokens, v2 implicit.
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/core";
import { V2_API_KEY, V3_CLIENT_ID } from "../../src/sandbox/credentials";
import {
  APP_ORIGIN,
  authorizeUrl,
  call,
  form,
  pkcePair,
  REDIRECT_URI,
  signInV2,
  signInV3,
  testSandbox,
  v2,
  v3,
} from "./support";

let sb: Sandbox;
beforeEach(() => {
  sb = testSandbox();
});

const TOKEN = "/oauth2/default/v1/token";
const exchange = (code: string, verifier: string, redirectUri = REDIRECT_URI) =>
  call(
    sb,
    TOKEN,
    form({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: V3_CLIENT_ID,
      code_verifier: verifier,
    }),
  );
const refresh = (token: string) =>
  call(sb, TOKEN, form({ grant_type: "refresh_token", refresh_token: token, client_id: V3_CLIENT_ID }));
const locationOf = (reply: { headers: Headers }) => new URL(reply.headers.get("Location") ?? "");

/** Shows the consent page, then presses a button on it. */
async function consent(path: string, decision: "allow" | "deny") {
  const page = await call(sb, path);
  expect(page.status).toBe(200);
  expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
  expect(page.text).toContain(">Allow</button>");
  expect(page.text).toContain(">Deny</button>");
  const consentId = /name="consent_id" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
  return call(sb, "/oauth2/default/v1/authorize/decision", form({ consent_id: consentId, decision }));
}

describe("v3 authorization code + PKCE", () => {
  it("asks for consent, redirects with a code and the state verbatim, and issues tokens for the verifier", async () => {
    const { verifier, challenge } = await pkcePair();
    const state = "a b+c/=&é";
    const allowed = await consent(authorizeUrl(challenge, { state }), "allow");
    expect(allowed.status).toBe(302);
    const location = locationOf(allowed);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe(state);
    const tokens = await exchange(location.searchParams.get("code")!, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get("Access-Control-Allow-Origin")).toBe(APP_ORIGIN);
    expect(tokens.headers.get("Cache-Control")).toBe("no-store");
    expect(tokens.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 86_400,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    });
  });

  it("redirects with error=access_denied and the state when the user denies", async () => {
    const { challenge } = await pkcePair();
    const denied = await consent(authorizeUrl(challenge), "deny");
    expect(locationOf(denied).searchParams.get("error")).toBe("access_denied");
    expect(locationOf(denied).searchParams.get("state")).toBe("state-123");
  });

  it("skips consent with autoApprove or the sandbox_auto_approve=1 flag", async () => {
    const { challenge } = await pkcePair();
    expect((await call(sb, authorizeUrl(challenge, { sandbox_auto_approve: "1" }))).status).toBe(302);
    sb = testSandbox({ autoApprove: true });
    expect((await call(sb, authorizeUrl(challenge))).status).toBe(302);
  });

  it("refuses a wrong verifier, a replayed code and an expired code with invalid_grant", async () => {
    const { verifier, challenge } = await pkcePair();
    const codeOf = async () =>
      locationOf(await call(sb, authorizeUrl(challenge, { sandbox_auto_approve: "1" }))).searchParams.get(
        "code",
      )!;
    const wrong = await exchange(await codeOf(), (await pkcePair()).verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: "invalid_grant" });
    const code = await codeOf();
    expect((await exchange(code, verifier)).status).toBe(200);
    expect((await exchange(code, verifier)).body).toMatchObject({ error: "invalid_grant" });
    const late = await codeOf();
    sb.advance(5 * 60_000 + 1);
    expect((await exchange(late, verifier)).body).toMatchObject({ error: "invalid_grant" });
  });

  it("requires the exact redirect_uri of the authorize request", async () => {
    const { verifier, challenge } = await pkcePair();
    const code = locationOf(
      await call(sb, authorizeUrl(challenge, { sandbox_auto_approve: "1" })),
    ).searchParams.get("code")!;
    expect((await exchange(code, verifier, `${REDIRECT_URI}/`)).body).toMatchObject({
      error: "invalid_grant",
    });
  });

  it("shows an error page (no redirect) for an unknown client or an unregistered redirect_uri", async () => {
    const { challenge } = await pkcePair();
    const bad: Array<Record<string, string>> = [
      { client_id: "someone-else" },
      { redirect_uri: "https://evil.example/cb" },
    ];
    for (const extra of bad) {
      const reply = await call(sb, authorizeUrl(challenge, { ...extra, sandbox_auto_approve: "1" }));
      expect(reply.status).toBe(400);
      expect(reply.headers.get("Location")).toBeNull();
      expect(reply.text).toContain("Sign-in error");
    }
    for (const uri of ["http://localhost:3000/cb", "https://demo.mailroom.invalid/auth/callback"]) {
      expect(
        (await call(sb, authorizeUrl(challenge, { redirect_uri: uri, sandbox_auto_approve: "1" }))).status,
      ).toBe(302);
    }
  });

  it("redirects with an error when PKCE is missing or not S256, or a scope is unknown", async () => {
    const { challenge } = await pkcePair();
    const cases: Array<[Record<string, string>, string]> = [
      [{ code_challenge_method: "plain" }, "invalid_request"],
      [{ code_challenge: "" }, "invalid_request"],
      [{ scope: "contact_data everything" }, "invalid_scope"],
      [{ response_type: "token" }, "unsupported_response_type"],
    ];
    for (const [extra, error] of cases) {
      const reply = await call(sb, authorizeUrl(challenge, { ...extra, sandbox_auto_approve: "1" }));
      expect(locationOf(reply).searchParams.get("error")).toBe(error);
    }
  });
});

describe("refresh tokens", () => {
  it("rotate: each refresh returns a new one, and reusing an old one fails with invalid_grant", async () => {
    const first = await signInV3(sb);
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    const rotated = second.body as { refresh_token: string; access_token: string };
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expect((await v3(sb, rotated.access_token)("/v3/activities")).status).toBe(200);
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: "invalid_grant" });
    expect((await refresh(rotated.refresh_token)).status).toBe(200);
  });

  it("are only issued with offline_access", async () => {
    const tokens = await signInV3(sb, "contact_data campaign_data");
    expect(tokens.refresh_token).toBeUndefined();
  });

  it("replace access tokens that expire after accessTokenLifetimeS", async () => {
    sb = testSandbox({ accessTokenLifetimeS: 60 });
    const tokens = await signInV3(sb);
    expect(tokens.expires_in).toBe(60);
    expect((await v3(sb, tokens.access_token)("/v3/emails")).status).toBe(200);
    sb.advance(61_000);
    expect((await v3(sb, tokens.access_token)("/v3/emails")).status).toBe(401);
    const renewed = (await refresh(tokens.refresh_token!)).body as { access_token: string };
    expect((await v3(sb, renewed.access_token)("/v3/emails")).status).toBe(200);
  });
});

describe("token endpoint details", () => {
  it("refuses an unknown client, a non-form body and an unknown grant", async () => {
    expect(
      (await call(sb, TOKEN, form({ grant_type: "refresh_token", refresh_token: "x", client_id: "other" })))
        .status,
    ).toBe(401);
    const json = await call(sb, TOKEN, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(json.body).toMatchObject({ error: "invalid_request" });
    expect(
      (await call(sb, TOKEN, form({ grant_type: "password", client_id: V3_CLIENT_ID }))).body,
    ).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("revokes access and refresh tokens", async () => {
    const tokens = await signInV3(sb);
    const revoke = (token: string) =>
      call(sb, "/oauth2/default/v1/revoke", form({ token, client_id: V3_CLIENT_ID }));
    expect((await revoke(tokens.access_token)).status).toBe(200);
    expect((await v3(sb, tokens.access_token)("/v3/emails")).status).toBe(401);
    await revoke(tokens.refresh_token!);
    expect((await refresh(tokens.refresh_token!)).body).toMatchObject({ error: "invalid_grant" });
  });
});

describe("v2 implicit sign-in", () => {
  const implicitUrl = (extra: Record<string, string> = {}) =>
    `/oauth2/oauth/siteowner/authorize?${new URLSearchParams({ response_type: "token", client_id: V2_API_KEY, redirect_uri: REDIRECT_URI, state: "v2-state", ...extra })}`;

  it("puts the token in the redirect fragment after consent, and it works with the api_key", async () => {
    const allowed = await consent(implicitUrl(), "allow");
    const location = locationOf(allowed);
    expect(location.search).toBe("");
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("token_type")).toBe("Bearer");
    expect(fragment.get("state")).toBe("v2-state");
    expect(Number(fragment.get("expires_in"))).toBeGreaterThan(300_000_000);
    expect((await v2(sb, fragment.get("access_token")!)("/v2/activities")).status).toBe(200);
  });

  it("denies with error=access_denied in the fragment, and refuses an unknown key", async () => {
    const denied = new URLSearchParams(locationOf(await consent(implicitUrl(), "deny")).hash.slice(1));
    expect(denied.get("error")).toBe("access_denied");
    expect((await call(sb, implicitUrl({ client_id: "not-a-key" }))).status).toBe(400);
  });

  it("describes a token at tokeninfo.htm", async () => {
    const token = await signInV2(sb);
    const info = await call(sb, "/oauth2/tokeninfo.htm", form({ access_token: token }));
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      client_id: V2_API_KEY,
      user_name: expect.any(String),
      expires_in: expect.stringMatching(/^\d+$/),
    });
    expect((await call(sb, "/oauth2/tokeninfo.htm", form({ access_token: "nope" }))).status).toBe(400);
  });

  it("does not accept a v3 token on v2 or a v2 token on v3", async () => {
    const v2Token = await signInV2(sb);
    const v3Token = (await signInV3(sb)).access_token;
    expect((await v3(sb, v2Token)("/v3/emails")).status).toBe(401);
    expect((await v2(sb, v3Token)("/v2/activities")).status).toBe(401);
  });
});
