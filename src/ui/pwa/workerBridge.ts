import {
  BROADCAST_CHANNEL,
  isWorkerBroadcast,
  type PageToWorker,
  type WorkerBroadcast,
} from "../../core/messages";

/** Sends a message to the active service worker, waiting for one to be ready on a first visit. */
export async function postToWorker(message: PageToWorker): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage(message);
}

/**
 * Listens to what the worker tells every page. Plain setup with manual cleanup (`make*`): the
 * returned function stops listening.
 * @example const stop = makeWorkerListener((m) => m.type === "poll-finished" && console.info(m));
 */
export function makeWorkerListener(handler: (message: WorkerBroadcast) => void): () => void {
  const channel = new BroadcastChannel(BROADCAST_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isWorkerBroadcast(event.data)) handler(event.data);
  };
  return () => channel.close();
}
