import { describe, expect, it } from "vitest";
import { CONSTANT_CONTACT_ENDPOINTS, endpointsOn, loadSandboxOrigin } from "../../../src/auth/presets";
import { isDemoUrl } from "../../../src/core/demo";

describe("endpoint presets", () => {
  it("puts the real paths on the sandbox's origin", () => {
    expect(endpointsOn("http://127.0.0.1:4174/")).toEqual({
      v3Api: "http://127.0.0.1:4174",
      v3Authorize: "http://127.0.0.1:4174/oauth2/default/v1/authorize",
      v3Token: "http://127.0.0.1:4174/oauth2/default/v1/token",
      v3Revoke: "http://127.0.0.1:4174/oauth2/default/v1/revoke",
      v2Api: "http://127.0.0.1:4174",
      v2Authorize: "http://127.0.0.1:4174/oauth2/oauth/siteowner/authorize",
      v2TokenInfo: "http://127.0.0.1:4174/oauth2/tokeninfo.htm",
    });
    expect(CONSTANT_CONTACT_ENDPOINTS.v3Token).toBe(
      "https://authz.constantcontact.com/oauth2/default/v1/token",
    );
  });

  it("recognises demo-mode URLs by their origin", () => {
    expect(isDemoUrl("https://demo.mailroom.invalid/oauth2/default/v1/token")).toBe(true);
    expect(isDemoUrl("https://api.cc.email/v3/activities")).toBe(false);
  });

  it("reads the sandbox origin from /runtime-config.json, and says when it cannot", async () => {
    const answer =
      (body: unknown, status = 200) =>
      async () =>
        new Response(JSON.stringify(body), { status });
    expect(await loadSandboxOrigin(answer({ sandboxOrigin: "http://127.0.0.1:9999" }))).toBe(
      "http://127.0.0.1:9999",
    );
    await expect(loadSandboxOrigin(answer({}, 404))).rejects.toThrow(/answered 404/);
    await expect(loadSandboxOrigin(answer({ sandboxOrigin: 42 }))).rejects.toThrow(/no valid sandboxOrigin/);
  });
});
