import { createRoot } from "solid-js";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { BROADCAST_CHANNEL, type WorkerBroadcast } from "../../../src/core/messages";
import { createPollStatus } from "../../../src/ui/pwa/createPollStatus";

// Inside createRoot, as solid-primitives tests its primitives: the root owns the listener.
let dispose: (() => void) | undefined;
const worker = new BroadcastChannel(BROADCAST_CHANNEL);

afterAll(() => worker.close());

afterEach(() => {
  dispose?.();
  dispose = undefined;
});

function tell(message: WorkerBroadcast) {
  worker.postMessage(message);
}

describe("createPollStatus", () => {
  it("follows the worker's broadcasts for as long as its owner lives", async () => {
    const status = createRoot((done) => {
      dispose = done;
      return createPollStatus();
    });
    expect(status()).toEqual({ polling: false });
    tell({ type: "poll-started", at: 900 });
    await vi.waitFor(() => expect(status().polling).toBe(true));
    tell({ type: "poll-finished", at: 1_000, unfinished: 0, nextPollInMs: 500 });
    await vi.waitFor(() =>
      expect(status()).toMatchObject({ polling: false, lastPollAt: 1_000, nextPollAt: 1_500 }),
    );
  });
});
