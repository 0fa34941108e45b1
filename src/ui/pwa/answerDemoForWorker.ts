import { demoFetch } from "../../core/demo";
import { isDemoFetchMessage, type RelayedResponse, relayedResponse, requestFrom } from "../../core/demoRelay";

/**
 * Answers the service worker's demo requests with this page's in-page sandbox: the worker has no
 * sandbox of its own (src/sw/demoRelay.ts), so its poll rounds for a demo account run through an
 * open page. Plain setup with manual cleanup (`make*`): the returned function stops answering.
 * @example const stop = makeDemoAnswersForWorker();
 */
export function makeDemoAnswersForWorker(): () => void {
  const onMessage = (event: MessageEvent<unknown>) => {
    const port = event.ports[0];
    if (!isDemoFetchMessage(event.data) || !port) return;
    void answer(event.data.request, port);
  };
  navigator.serviceWorker.addEventListener("message", onMessage);
  // addEventListener (unlike onmessage) leaves the worker's messages queued until this call.
  navigator.serviceWorker.startMessages();
  return () => navigator.serviceWorker.removeEventListener("message", onMessage);
}

async function answer(request: Parameters<typeof requestFrom>[0], port: MessagePort): Promise<void> {
  let reply: RelayedResponse;
  try {
    reply = await relayedResponse(await demoFetch(requestFrom(request)));
  } catch (error) {
    // The worker turns it into the request's failure, which its round reports to every page.
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, "body" in reply ? [reply.body] : []);
  port.close();
}
