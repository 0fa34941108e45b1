import { afterEach, describe, expect, it, vi } from "vitest";
import { makeApiClient } from "../../../src/api/client";
import { v2SendsPage } from "../../../src/api/v2/sends";
import { getV3Activity, v3ActivitiesPage } from "../../../src/api/v3/activities";
import { isMailroomError } from "../../../src/core/errors";
import { fakeAuth, json, makeAccount, recordingFetch } from "../sync/support/fakes";

const context = { what: "a test" };

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMailroomError(error)) throw new Error(`expected a MailroomError, got ${String(error)}`);
  return error;
}

afterEach(() => vi.restoreAllMocks());

describe("the API client", () => {
  it("sends the bearer token, and for v2 the api_key on every call including next_link pages", async () => {
    const { fetch, requests } = recordingFetch((url) =>
      url.searchParams.has("next")
        ? json(200, { meta: { pagination: {} }, results: [] })
        : json(200, {
            meta: { pagination: { next_link: "/v2/emailmarketing/campaigns/9/tracking/sends?next=abc" } },
            results: [],
          }),
    );
    const client = makeApiClient(makeAccount(), "v2", { auth: fakeAuth("v2"), fetch });
    const first = await v2SendsPage(client, { campaignId: "9" });
    await v2SendsPage(client, { campaignId: "9", link: first.next });
    expect(requests.map((r) => r.url.search)).toEqual([
      "?limit=500&api_key=key-1",
      "?next=abc&api_key=key-1",
    ]);
    expect(requests.every((r) => r.authorization === "Bearer token-1")).toBe(true);
  });

  it("v3 requests carry no api_key and follow next links verbatim under the account's origin", async () => {
    const { fetch, requests } = recordingFetch(() =>
      json(200, { activities: [], _links: { next: { href: "/v3/activities?next=z" } } }),
    );
    const account = makeAccount({
      endpoints: { ...makeAccount().endpoints, v3Api: "https://proxy.test/cc" },
    });
    const client = makeApiClient(account, "v3", { auth: fakeAuth("v3"), fetch });
    const page = await v3ActivitiesPage(client, {});
    await client.getJson(page.next ?? "", { context });
    expect(requests.map((r) => r.url.href)).toEqual([
      "https://proxy.test/cc/v3/activities?limit=500",
      "https://proxy.test/cc/v3/activities?next=z",
    ]);
  });

  it("on a 401 refreshes once and retries once with the new token", async () => {
    const { fetch, requests } = recordingFetch((_url, request) =>
      request.headers.get("Authorization") === "Bearer token-2"
        ? json(200, [])
        : json(401, { error_key: "unauthorized" }),
    );
    const auth = fakeAuth("v2");
    const client = makeApiClient(makeAccount(), "v2", { auth, fetch });
    expect(await client.getJson("v2/activities", { context })).toEqual([]);
    expect(auth.refreshes).toEqual(["token-1"]);
    expect(requests).toHaveLength(2);
  });

  it("a second 401 is final: unauthorized, one refresh only", async () => {
    const { fetch, requests } = recordingFetch(() => json(401, { error_key: "unauthorized" }));
    const auth = fakeAuth("v3");
    const client = makeApiClient(makeAccount(), "v3", { auth, fetch });
    const error = await rejection(client.getJson("v3/activities", { context }));
    expect(error.kind).toBe("unauthorized");
    expect(auth.refreshes).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it("runs the pace hook before every request, retries included", async () => {
    const { fetch } = recordingFetch((_url, request) =>
      request.headers.get("Authorization") === "Bearer token-2" ? json(200, {}) : json(401, {}),
    );
    const pace = vi.fn(async () => undefined);
    const client = makeApiClient(makeAccount(), "v3", { auth: fakeAuth("v3"), fetch, pace });
    await client.getJson("v3/x", { context });
    expect(pace).toHaveBeenCalledTimes(2);
  });

  it("a body that is not JSON → bad_response; a missing required field → bad_response naming it", async () => {
    const notJson = makeApiClient(makeAccount(), "v3", {
      auth: fakeAuth("v3"),
      fetch: async () => new Response("<html>", { status: 200 }),
    });
    expect((await rejection(notJson.getJson("v3/activities", { context }))).kind).toBe("bad_response");
    const missing = makeApiClient(makeAccount(), "v3", {
      auth: fakeAuth("v3"),
      fetch: async () => json(200, { activity_id: "a1" }),
    });
    const error = await rejection(getV3Activity(missing, "a1"));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toContain("state");
  });

  it("a fetch that throws while online → network (maybe CORS); while offline → offline", async () => {
    const failing = makeApiClient(makeAccount(), "v3", {
      auth: fakeAuth("v3"),
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    expect((await rejection(failing.getJson("v3/activities", { context }))).kind).toBe("network");
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    expect((await rejection(failing.getJson("v3/activities", { context }))).kind).toBe("offline");
  });

  it("an aborted call rejects with the signal's reason, not a mapped error", async () => {
    const controller = new AbortController();
    const client = makeApiClient(makeAccount(), "v3", {
      auth: fakeAuth("v3"),
      fetch: async () => {
        controller.abort();
        throw new DOMException("aborted", "AbortError");
      },
    });
    const error = await client
      .getJson("v3/activities", { context, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
  });
});
