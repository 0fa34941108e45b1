import { afterEach, describe, expect, it, vi } from "vitest";
import { makeApiClient } from "../../../src/api/client";
import { answerDemoRequestsWith } from "../../../src/core/demo";
import { fakeAuth, json, makeAccount } from "../sync/support/fakes";

let stopAnswering: (() => void) | undefined;
afterEach(() => stopAnswering?.());

describe("a demo-mode account", () => {
  it("is answered by whoever answers demo requests here (the page's sandbox, or a page for the worker)", async () => {
    const demoFetch = vi.fn(async () => new Response('{"from":"demo"}', { status: 200 }));
    stopAnswering = answerDemoRequestsWith(demoFetch);
    const origin = "https://demo.mailroom.invalid";
    const account = makeAccount({ endpoints: { ...makeAccount().endpoints, v3Api: origin, v2Api: origin } });
    const globalFetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(json(200, { from: "network" }));
    const client = makeApiClient(account, "v3", { auth: fakeAuth("v3") });
    expect(await client.getJson("v3/activities", { context: { what: "x" } })).toEqual({ from: "demo" });
    expect(demoFetch).toHaveBeenCalledTimes(1);
    expect(globalFetch).not.toHaveBeenCalled();
    globalFetch.mockRestore();
  });

  it("fails as a network error where nothing answers demo requests, never reaching the network", async () => {
    const origin = "https://demo.mailroom.invalid";
    const account = makeAccount({ endpoints: { ...makeAccount().endpoints, v3Api: origin, v2Api: origin } });
    const globalFetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(json(200, { from: "network" }));
    const client = makeApiClient(account, "v3", { auth: fakeAuth("v3") });
    await expect(client.getJson("v3/activities", { context: { what: "x" } })).rejects.toMatchObject({
      kind: "network",
    });
    expect(globalFetch).not.toHaveBeenCalled();
    globalFetch.mockRestore();
  });
});
