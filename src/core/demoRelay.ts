/**
 * How the service worker has its demo requests answered by a page: the worker posts one
 * `DEMO_FETCH` message with a MessagePort to a window, the page answers on that port with the
 * response, or with an error. Requests and responses travel as plain, cloneable objects. A leaf
 * module, so that both sides (src/sw/demoRelay.ts and src/ui/pwa/answerDemoForWorker.ts) share it.
 */
export interface RelayedRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body?: ArrayBuffer;
}

export type RelayedResponse =
  | { status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { error: string };

export interface DemoFetchMessage {
  type: "DEMO_FETCH";
  request: RelayedRequest;
}

export function isDemoFetchMessage(data: unknown): data is DemoFetchMessage {
  const message = data as Partial<DemoFetchMessage> | null;
  return (
    typeof message === "object" &&
    message !== null &&
    message.type === "DEMO_FETCH" &&
    typeof message.request?.url === "string"
  );
}

export async function relayedRequest(request: Request): Promise<RelayedRequest> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return {
    url: request.url,
    method: request.method,
    headers: [...request.headers],
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
  };
}

export function requestFrom(relayed: RelayedRequest): Request {
  return new Request(relayed.url, { method: relayed.method, headers: relayed.headers, body: relayed.body });
}

export async function relayedResponse(response: Response): Promise<RelayedResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: await response.arrayBuffer(),
  };
}

/** Statuses whose Response must be built without a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function responseFrom(relayed: Exclude<RelayedResponse, { error: string }>): Response {
  const { status, statusText, headers, body } = relayed;
  return new Response(NULL_BODY.has(status) ? null : body, { status, statusText, headers });
}
