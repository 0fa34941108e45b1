// The worker asks an open page for its demo answers, and gives up on a page that stays silent for
// 20 s on the app's clock: the test ends that wait itself instead of waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { demoFetch } from "../../../src/core/demo";
import { relayedResponse } from "../../../src/core/demoRelay";
import { relayDemoRequestsToPages } from "../../../src/sw/demoRelay";
import { manualWaits } from "../../support/manualWaits";

const DEMO_URL = "https://demo.mailroom.invalid/v3/activities";

/** One open page; `posted` resolves with the port the worker hands it for its answer. */
function openPage() {
  let handOver: (port: MessagePort) => void = () => undefined;
  const posted = new Promise<MessagePort>((resolve) => {
    handOver = resolve;
  });
  const page = {
    focused: true,
    visibilityState: "visible",
    postMessage: (_message: unknown, [port]: MessagePort[]) => port && handOver(port),
  };
  vi.stubGlobal("clients", { matchAll: async () => [page] });
  return { posted };
}

let waits: ReturnType<typeof manualWaits>;
beforeEach(() => {
  waits = manualWaits();
  relayDemoRequestsToPages();
});
afterEach(() => {
  waits.restore();
  vi.unstubAllGlobals();
});

describe("the worker's demo requests, relayed to a page", () => {
  it("come back with the page's answer", async () => {
    const { posted } = openPage();
    const response = demoFetch(DEMO_URL);
    const port = await posted;
    port.postMessage(await relayedResponse(new Response("[]", { status: 200 })));
    expect(await (await response).text()).toBe("[]");
    expect(waits.pending()).toEqual([]);
    port.close();
  });

  it("fail with a network error once the page has been silent for 20 s on the clock", async () => {
    const { posted } = openPage();
    const response = demoFetch(DEMO_URL);
    const port = await posted;
    expect(waits.pending()).toEqual([20_000]);
    waits.elapse(20_000);
    await expect(response).rejects.toMatchObject({
      kind: "network",
      message: "The open Mailroom page did not answer a demo request.",
    });
    port.close();
  });
});
