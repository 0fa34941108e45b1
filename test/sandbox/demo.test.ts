// @vitest-environment node
// The in-browser demo adapter: the whole sign-in and API round trip at https://demo.mailroom.invalid.
import { describe, expect, it } from "vitest";
import { DEMO_ORIGIN, demoFetch } from "../../src/sandbox/browser/demo";
import { V3_CLIENT_ID } from "../../src/sandbox/credentials";
import { pkcePair } from "./support";

describe("demoFetch", () => {
  it("answers authorize with a 302 carrying code and state, then serves tokens and data", async () => {
    const { verifier, challenge } = await pkcePair();
    const redirectUri = `${DEMO_ORIGIN}/auth/callback`;
    const q = new URLSearchParams({
      client_id: V3_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "contact_data campaign_data offline_access",
      state: "demo-state",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const authorized = await demoFetch(`${DEMO_ORIGIN}/oauth2/default/v1/authorize?${q}`, {
      redirect: "manual",
    });
    expect(authorized.status).toBe(302);
    const location = new URL(authorized.headers.get("Location")!);
    expect(location.searchParams.get("state")).toBe("demo-state");
    const token = await demoFetch(new URL(`${DEMO_ORIGIN}/oauth2/default/v1/token`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: location.searchParams.get("code")!,
        redirect_uri: redirectUri,
        client_id: V3_CLIENT_ID,
        code_verifier: verifier,
      }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const emails = await demoFetch(`${DEMO_ORIGIN}/v3/emails`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(emails.status).toBe(200);
    expect(((await emails.json()) as { campaigns: unknown[] }).campaigns.length).toBeGreaterThan(0);
  });

  it("refuses any other origin: demo mode never touches the network", async () => {
    await expect(demoFetch("https://api.cc.email/v3/emails")).rejects.toThrow(/demo\.mailroom\.invalid/);
  });
});
