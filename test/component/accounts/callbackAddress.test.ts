import { afterEach, describe, expect, it } from "vitest";
import { clearCallbackFromAddress, takeCallbackAddress } from "../../../src/ui/routes/callbackAddress";

afterEach(() => {
  takeCallbackAddress();
  window.history.replaceState(null, "", "/");
});

describe("the sign-in answer in the address bar", () => {
  it("is taken out of the address and the history entry, and handed to the callback page once", () => {
    window.history.replaceState(null, "", "/auth/callback?code=secret-code&state=s1");
    clearCallbackFromAddress();
    expect(window.location.href).toBe(`${window.location.origin}/auth/callback`);
    expect(takeCallbackAddress()?.searchParams.get("code")).toBe("secret-code");
    expect(takeCallbackAddress()).toBeUndefined();
  });

  it("drops a v2 token from the fragment the same way", () => {
    window.history.replaceState(null, "", "/auth/callback#access_token=secret-token&state=s2");
    clearCallbackFromAddress();
    expect(window.location.hash).toBe("");
    expect(takeCallbackAddress()?.hash).toContain("secret-token");
  });

  it("leaves any other address alone", () => {
    window.history.replaceState(null, "", "/activities?view=all");
    clearCallbackFromAddress();
    expect(window.location.search).toBe("?view=all");
    expect(takeCallbackAddress()).toBeUndefined();
  });
});
