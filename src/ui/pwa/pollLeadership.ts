import { POLL_LEADER_LOCK } from "../../core/locks";
import { POLL_TAG, type PollReason } from "../../core/messages";
import { makeWorkerListener, postToWorker } from "./workerBridge";

/** If a round never reports back (the worker was stopped mid-round), ask again after this long. */
const SILENT_ROUND_RETRY_MS = 2 * 60_000;

/**
 * Elects exactly one open tab, with a Web Lock, to drive the worker's polling schedule: a worker
 * cannot keep its own timer alive, and several tabs each waking it would multiply the requests.
 * When the elected tab closes, its lock is released and a waiting tab takes over.
 * @example const stop = makePollLeadership(); // later: stop()
 */
export function makePollLeadership(): () => void {
  const stop = new AbortController();
  if (!("serviceWorker" in navigator) || !("locks" in navigator)) return () => stop.abort();
  navigator.locks
    .request(POLL_LEADER_LOCK, { signal: stop.signal }, () => lead(stop.signal))
    .catch((error: unknown) => {
      // Aborting a waiting lock request rejects it: that is the tab closing, not a failure.
      if (!stop.signal.aborted) console.error("Mailroom: background polling could not start", error);
    });
  return () => stop.abort();
}

async function lead(signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number, reason: PollReason) => {
    clearTimeout(timer);
    timer = setTimeout(() => pollNow(reason), delayMs);
  };
  const pollNow = (reason: PollReason) => {
    schedule(SILENT_ROUND_RETRY_MS, "schedule");
    if (navigator.onLine) void postToWorker({ type: "POLL_NOW", reason });
    else
      registerWakeOnReconnect().catch((error: unknown) =>
        console.warn("Mailroom: no Background Sync", error),
      );
  };
  const stopListening = makeWorkerListener((message) => {
    if (message.type === "poll-finished") schedule(message.nextPollInMs, "schedule");
  });
  const onOnline = () => pollNow("online");
  window.addEventListener("online", onOnline);
  pollNow("schedule");
  await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  clearTimeout(timer);
  stopListening();
  window.removeEventListener("online", onOnline);
}

/** Background Sync wakes the worker once the connection returns, even if every tab closed. */
async function registerWakeOnReconnect(): Promise<void> {
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
    sync?: { register(tag: string): Promise<void> };
  };
  await registration.sync?.register(POLL_TAG);
}
