import { describe, expect, it, vi } from "vitest";
import { isLoopbackHttp, retryingOn429 } from "../../../src/auth/http";
import { issuerOf } from "../../../src/auth/oauthClient";

describe("auth HTTP helpers", () => {
  it("retries a 429 from the token endpoint after a short wait, then gives up after three tries", async () => {
    const answers = [429, 429, 200];
    const fetchImpl = vi.fn(async () => new Response(null, { status: answers.shift() ?? 429 }));
    expect((await retryingOn429(fetchImpl, 3, 1)("https://x/token")).status).toBe(200);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    const always = vi.fn(async () => new Response(null, { status: 429 }));
    expect((await retryingOn429(always, 3, 1)("https://x/token")).status).toBe(429);
    expect(always).toHaveBeenCalledTimes(3);
  });

  it("allows plain http only on the loopback", () => {
    expect(isLoopbackHttp("http://127.0.0.1:4174/x")).toBe(true);
    expect(isLoopbackHttp("http://localhost/x")).toBe(true);
    expect(isLoopbackHttp("http://example.com/x")).toBe(false);
    expect(isLoopbackHttp("https://127.0.0.1/x")).toBe(false);
  });

  it("derives Constant Contact's Okta issuer from the token URL", () => {
    expect(issuerOf("https://authz.constantcontact.com/oauth2/default/v1/token")).toBe(
      "https://authz.constantcontact.com/oauth2/default",
    );
    expect(issuerOf("https://proxy.example/cc-token")).toBe("https://proxy.example/cc-token");
  });
});
