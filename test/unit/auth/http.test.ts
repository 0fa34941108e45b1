import { afterEach, describe, expect, it, vi } from "vitest";
import { isLoopbackHttp, retryingOn429 } from "../../../src/auth/http";
import { issuerOf } from "../../../src/auth/oauthClient";
import { setClock } from "../../../src/core/clock";

/** Puts in force a clock whose waits return at once and are recorded. */
function recordedWaits(): number[] {
  const slept: number[] = [];
  restore = setClock({ now: () => 0, sleep: async (ms) => void slept.push(ms) });
  return slept;
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("auth HTTP helpers", () => {
  it("retries a 429 from the token endpoint after a short wait, then gives up after three tries", async () => {
    recordedWaits();
    const answers = [429, 429, 200];
    const fetchImpl = vi.fn(async () => new Response(null, { status: answers.shift() ?? 429 }));
    expect((await retryingOn429(fetchImpl, 3, 1)("https://x/token")).status).toBe(200);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    const always = vi.fn(async () => new Response(null, { status: 429 }));
    expect((await retryingOn429(always, 3, 1)("https://x/token")).status).toBe(429);
    expect(always).toHaveBeenCalledTimes(3);
  });

  it("waits between tries on the app's clock: 1.1 s, or the Retry-After the server asked for", async () => {
    const slept = recordedWaits();
    const answers = [
      new Response(null, { status: 429 }),
      new Response(null, { status: 429, headers: { "Retry-After": "3" } }),
      new Response(null, { status: 200 }),
    ];
    const fetchImpl = vi.fn(async () => answers.shift() ?? new Response(null, { status: 500 }));
    expect((await retryingOn429(fetchImpl)("https://x/token")).status).toBe(200);
    expect(slept).toEqual([1100, 3000]);
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
