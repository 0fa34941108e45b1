// @vitest-environment node
import { describe, expect, it } from "vitest";
import { fromMailroom, MAILROOM, relayWithFakeUpstream } from "./support";

const TOKEN = "Bearer eyJ.secret-access-token";

describe("when the upstream call fails", () => {
  it("answers 502 when Constant Contact cannot be reached, with CORS so the page can read it", async () => {
    const { relay } = relayWithFakeUpstream({
      answer: () => Promise.reject(new TypeError("fetch failed")),
    });
    const response = await relay(fromMailroom("/v3/activities"), "c");
    expect(response.status).toBe(502);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
  });

  it("logs a network failure's kind and message, and never the token", async () => {
    const { relay, logs } = relayWithFakeUpstream({
      answer: () => Promise.reject(new TypeError("fetch failed")),
    });
    await relay(fromMailroom("/v3/activities?cursor=abc", { headers: { Authorization: TOKEN } }), "c");
    expect(logs[0]).toBe(
      "GET /v3/activities failed: UpstreamUnreachableError: Constant Contact could not be reached from the relay. (cause TypeError: fetch failed)",
    );
    expect(logs.join("\n")).not.toMatch(/secret|eyJ|cursor/);
  });

  it("answers 500, not 502, when the relay itself fails (a bug), says so, and logs what was thrown", async () => {
    const { relay, logs } = relayWithFakeUpstream({
      answer: () => Promise.reject(new RangeError("a bug in the relay")),
    });
    const response = await relay(fromMailroom("/v3/activities", { headers: { Authorization: TOKEN } }), "c");
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/fault in the relay, not Constant Contact/);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(MAILROOM);
    expect(logs[0]).toBe("GET /v3/activities failed: RangeError: a bug in the relay");
    expect(logs[1]).toMatch(/^GET \/v3\/activities 500 \(relay\) \d+ms$/);
    expect(logs.join("\n")).not.toMatch(/secret|eyJ/);
  });
});
