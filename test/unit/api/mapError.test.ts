import { afterEach, describe, expect, it, vi } from "vitest";
import { mapResponseError, mapThrownError, type RequestContext } from "../../../src/api/mapError";
import { AuthRequiredError } from "../../../src/auth/types";
import { MailroomError } from "../../../src/core/errors";

const NOW = Date.UTC(2026, 10, 25, 15, 30);
const v3: RequestContext = {
  generation: "v3",
  what: "the v3 activities list",
  scope: "contact_data",
  now: NOW,
};
const reports: RequestContext = {
  generation: "v3",
  what: "a sends report",
  scope: "campaign_data",
  now: NOW,
};
const v2: RequestContext = { generation: "v2", what: "the v2 activities list", now: NOW };
const none = new Headers();

afterEach(() => vi.restoreAllMocks());

describe("mapping answers to error kinds", () => {
  it("401 → unauthorized", () => {
    const error = mapResponseError(
      401,
      '{"error_key":"unauthorized","error_message":"Unauthorized"}',
      none,
      v3,
    );
    expect(error.kind).toBe("unauthorized");
    expect(error.details).toMatchObject({ status: 401, errorKey: "unauthorized" });
  });

  it("403 → forbidden, naming the scope the endpoint needs", () => {
    expect(
      mapResponseError(403, '[{"error_key":"forbidden","error_message":"no"}]', none, v3).message,
    ).toContain("contact_data");
    const forReports = mapResponseError(403, "[]", none, reports);
    expect(forReports.kind).toBe("forbidden");
    expect(forReports.message).toContain("campaign_data");
  });

  it("404 → not_found", () => {
    expect(mapResponseError(404, '[{"error_key":"not.found"}]', none, v3).kind).toBe("not_found");
  });

  it("429 throttled → throttled; 429 quota_exceeded → quota_exceeded with the next 00:00 UTC", () => {
    expect(mapResponseError(429, '{"error_key":"throttled"}', none, v3).kind).toBe("throttled");
    const quota = mapResponseError(429, '{"error_key":"quota_exceeded"}', none, v3);
    expect(quota.kind).toBe("quota_exceeded");
    expect(quota.details.resetsAt).toBe(Date.UTC(2026, 10, 26));
    expect(mapResponseError(429, "", none, v3).kind).toBe("throttled");
  });

  it("v2 gateway 403 over.qps → throttled and over.ratelimit → quota_exceeded (JSON or Mashery page)", () => {
    expect(mapResponseError(403, '[{"error_key":"mashery.not.authorized.over.qps"}]', none, v2).kind).toBe(
      "throttled",
    );
    expect(
      mapResponseError(403, '{"error_key":"mashery.not.authorized.over.ratelimit"}', none, v2).kind,
    ).toBe("quota_exceeded");
    expect(mapResponseError(403, "<h1>Developer Over Qps</h1>", none, v2).kind).toBe("throttled");
    const header = new Headers({ "X-Mashery-Error-Code": "ERR_403_DEVELOPER_OVER_RATE" });
    expect(mapResponseError(403, "<h1>Developer Over Rate</h1>", header, v2).kind).toBe("quota_exceeded");
  });

  it("5xx → server; other statuses → bad_response", () => {
    expect(mapResponseError(500, "", none, v3).kind).toBe("server");
    expect(mapResponseError(503, "oops", none, v3).kind).toBe("server");
    expect(mapResponseError(406, "", none, v2).kind).toBe("bad_response");
  });
});

describe("mapping failures without an answer", () => {
  it("offline when the browser says so", () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    expect(mapThrownError(new TypeError("Failed to fetch"), v3, "https://api.cc.email").kind).toBe("offline");
  });

  it("network while online, saying it may be CORS and suggesting the relay", () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    const error = mapThrownError(new TypeError("Failed to fetch"), v3, "https://api.cc.email");
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/CORS/);
    expect(error.message).toMatch(/Relay URL/);
  });

  it("a timeout → network", () => {
    const timeout = Object.assign(new Error("Request timed out"), { name: "TimeoutError" });
    expect(mapThrownError(timeout, v3, "https://api.cc.email").message).toMatch(/did not answer in time/);
  });

  it("sign-in needed → unauthorized; a MailroomError passes through", () => {
    expect(mapThrownError(new AuthRequiredError("Refresh failed", "a", "v3"), v3, "x").kind).toBe(
      "unauthorized",
    );
    const quota = new MailroomError("quota_exceeded", "spent");
    expect(mapThrownError(quota, v3, "x")).toBe(quota);
  });
});
