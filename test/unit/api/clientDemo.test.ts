import { describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../../src/api/client";
import { fakeAuth, json, makeAccount } from "../sync/support/fakes";

const demoFetch = vi.hoisted(() => vi.fn(async () => new Response('{"from":"demo"}', { status: 200 })));
vi.mock("../../../src/sandbox/browser/demo", () => ({ demoFetch }));

describe("a demo-mode account", () => {
  it("is answered by the in-page sandbox adapter, loaded on first use", async () => {
    const origin = "https://demo.mailroom.invalid";
    const account = makeAccount({ endpoints: { ...makeAccount().endpoints, v3Api: origin, v2Api: origin } });
    const globalFetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(json(200, { from: "network" }));
    const client = createApiClient(account, "v3", { auth: fakeAuth("v3") });
    expect(await client.getJson("v3/activities", { context: { what: "x" } })).toEqual({ from: "demo" });
    expect(demoFetch).toHaveBeenCalledTimes(1);
    expect(globalFetch).not.toHaveBeenCalled();
    globalFetch.mockRestore();
  });
});
