import { type Accessor, createSignal, onCleanup } from "solid-js";
import type { WorkerBroadcast } from "../../core/messages";
import { makeWorkerListener } from "./workerBridge";

export interface PollStatus {
  /** When the last round ended (epoch ms), as told by the worker. */
  lastPollAt?: number;
  /** When the elected tab will wake the worker next. */
  nextPollAt?: number;
  polling: boolean;
  /** Why polling is not happening, if it is not. */
  paused?: "offline" | "sign-in-required";
  /** The last round's failure for an account, shown to the user. */
  failure?: { accountId: string; kind: string; message: string };
}

/**
 * What the background poller is doing, from the worker's broadcasts, for as long as the owner lives.
 * @example const status = createPollStatus(); <Show when={status().polling}>Checking…</Show>
 */
export function createPollStatus(): Accessor<PollStatus> {
  const [status, setStatus] = createSignal<PollStatus>({ polling: false });
  const stop = makeWorkerListener((message) => setStatus((current) => reduce(current, message)));
  onCleanup(stop);
  return status;
}

export function reduce(current: PollStatus, message: WorkerBroadcast): PollStatus {
  switch (message.type) {
    case "poll-started":
      return { ...current, polling: true, paused: undefined, failure: undefined };
    case "poll-finished":
      return {
        ...current,
        polling: false,
        lastPollAt: message.at,
        nextPollAt: message.at + message.nextPollInMs,
      };
    case "poll-paused":
      return { ...current, polling: false, paused: message.reason };
    case "poll-failed":
      return {
        ...current,
        failure: { accountId: message.accountId, kind: message.kind, message: message.message },
      };
    case "activity-finished":
      return current;
  }
}
