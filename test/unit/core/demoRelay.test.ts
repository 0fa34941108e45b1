// The worker's demo requests travel to a page and back as plain objects (structured clone).
import { describe, expect, it } from "vitest";
import {
  isDemoFetchMessage,
  relayedRequest,
  relayedResponse,
  requestFrom,
  responseFrom,
} from "../../../src/core/demoRelay";

describe("the demo relay's messages", () => {
  it("carry a request's method, headers and form body across, and back", async () => {
    const original = new Request("https://demo.mailroom.invalid/oauth2/default/v1/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "r1" }),
    });
    const relayed = structuredClone(await relayedRequest(original));
    const copy = requestFrom(relayed);
    expect(copy.method).toBe("POST");
    expect(copy.url).toBe(original.url);
    expect(copy.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await copy.text()).toBe("grant_type=refresh_token&refresh_token=r1");
  });

  it("carry a GET without a body", async () => {
    const relayed = await relayedRequest(
      new Request("https://demo.mailroom.invalid/v3/activities?limit=50", {
        headers: { Authorization: "Bearer t" },
      }),
    );
    expect(relayed.body).toBeUndefined();
    expect(requestFrom(relayed).headers.get("authorization")).toBe("Bearer t");
  });

  it("carry a response's status, headers and body, and a body-less status without one", async () => {
    const relayed = structuredClone(
      await relayedResponse(
        new Response('{"error_key":"unauthorized"}', {
          status: 401,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    );
    const copy = responseFrom(relayed as Exclude<typeof relayed, { error: string }>);
    expect(copy.status).toBe(401);
    expect(copy.headers.get("content-type")).toBe("application/json");
    expect(await copy.json()).toEqual({ error_key: "unauthorized" });
    const empty = responseFrom({ status: 204, statusText: "", headers: [], body: new ArrayBuffer(0) });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it("are told apart from the page↔worker vocabulary", () => {
    expect(
      isDemoFetchMessage({ type: "DEMO_FETCH", request: { url: "https://demo.mailroom.invalid/v3" } }),
    ).toBe(true);
    expect(isDemoFetchMessage({ type: "POLL_NOW", reason: "user" })).toBe(false);
    expect(isDemoFetchMessage(null)).toBe(false);
  });
});
