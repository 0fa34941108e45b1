import { describe, expect, it } from "vitest";
import { refreshLockName, withExclusiveLock, withLocalLock } from "../../../src/auth/locks";
import { CONSTANT_CONTACT_ENDPOINTS, endpointsOn, loadSandboxOrigin } from "../../../src/auth/presets";
import { isDemoUrl } from "../../../src/core/demo";

describe("the refresh lock", () => {
  it("is named per account and generation, as the worker and every tab expect", () => {
    expect(refreshLockName("acc-1", "v3")).toBe("mailroom-refresh-acc-1-v3");
  });

  it("falls back to an in-memory queue where navigator.locks is missing (jsdom)", async () => {
    expect((navigator as { locks?: unknown }).locks).toBeUndefined();
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await new Promise((done) => setTimeout(done, ms));
      order.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      withExclusiveLock("l", task("a", 20)),
      withExclusiveLock("l", task("b", 1)),
    ]);
    expect(results).toEqual(["a", "b"]);
    expect(order).toEqual(["a start", "a end", "b start", "b end"]);
  });

  it("lets the next holder run after a failure, and gives the failure to its own caller", async () => {
    const failing = withLocalLock("f", () => Promise.reject(new Error("boom")));
    const next = withLocalLock("f", async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe("ran");
  });
});

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
