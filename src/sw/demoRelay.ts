/// <reference lib="webworker" />
import { abortAfter } from "../core/clock";
import { answerDemoRequestsWith, isDemoUrl } from "../core/demo";
import { type RelayedResponse, relayedRequest, responseFrom } from "../core/demoRelay";
import { MailroomError } from "../core/errors";

declare const self: ServiceWorkerGlobalScope;

// The worker never holds the sandbox: a module service worker may not import() a chunk, and
// bundling it would cost every user the whole sandbox (~60 KB gzipped) for a demo few run. Its demo
// requests go to an open Mailroom page instead, which answers them with its own in-page sandbox
// (src/ui/pwa/answerDemoForWorker.ts). With no page open there is no demo to poll: its rounds skip
// demo accounts (demoReachable) until a page opens again.

/** A page that does not answer within this long (frozen, or closing) fails the request. */
const ANSWER_TIMEOUT_MS = 20_000;

/** Called once at the worker's start: demo requests are asked of a page from then on. */
export function relayDemoRequestsToPages(): void {
  answerDemoRequestsWith(async (input, init) => askAPage(new Request(input, init)));
}

/** False for a demo account while no Mailroom page is open to answer for it. */
export async function demoReachable(endpoints: { v3Api: string; v2Api: string }): Promise<boolean> {
  if (!isDemoUrl(endpoints.v3Api) && !isDemoUrl(endpoints.v2Api)) return true;
  return (await answeringPage()) !== undefined;
}

/** The focused page first, then a visible one, then any. */
async function answeringPage(): Promise<WindowClient | undefined> {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === "visible") ?? windows[0];
}

async function askAPage(request: Request): Promise<Response> {
  const page = await answeringPage();
  if (!page)
    throw new MailroomError("network", "Demo data is answered by an open Mailroom page, and none is open.");
  const message = { type: "DEMO_FETCH", request: await relayedRequest(request) } as const;
  const channel = new MessageChannel();
  const answer = new Promise<RelayedResponse>((resolve, reject) => {
    const settled = new AbortController();
    const timeout = abortAfter(
      ANSWER_TIMEOUT_MS,
      () => new MailroomError("network", "The open Mailroom page did not answer a demo request."),
      settled.signal,
    );
    const settle = () => {
      settled.abort();
      channel.port1.close();
    };
    timeout.addEventListener("abort", () => {
      settle();
      reject(timeout.reason);
    });
    channel.port1.onmessage = (event: MessageEvent<RelayedResponse>) => {
      settle();
      resolve(event.data);
    };
    request.signal.addEventListener(
      "abort",
      () => {
        settle();
        reject(request.signal.reason);
      },
      { once: true },
    );
  });
  page.postMessage(message, [channel.port2]);
  const relayed = await answer;
  if ("error" in relayed) throw new TypeError(`The demo sandbox failed: ${relayed.error}`);
  return responseFrom(relayed);
}
