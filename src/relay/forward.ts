// One request to Constant Contact: only the forwarded headers go up, only plain response headers
// come back (never Set-Cookie), redirects are handed back rather than followed (a redirect must
// not take the relay to another host), and an upstream that goes quiet is cut off.
import { FORWARDED_REQUEST_HEADERS } from "./cors";

/** Response headers passed back to the page; everything else (Set-Cookie above all) is dropped. */
const RETURNED_RESPONSE_HEADERS = [
  "content-type",
  "cache-control",
  "content-disposition",
  "etag",
  "last-modified",
  "location",
  "retry-after",
  "www-authenticate",
];

export class UpstreamTimeoutError extends Error {
  override name = "UpstreamTimeoutError";
}

/** The upstream fetch failed as fetch fails on the network (a TypeError, or the page's abort). */
export class UpstreamUnreachableError extends Error {
  override name = "UpstreamUnreachableError";
}

/** Fetch rejects with a TypeError on a network failure and with an AbortError when aborted. */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
}

export interface UpstreamCall {
  url: string;
  method: "GET" | "POST";
  headers: Headers;
  body?: Uint8Array<ArrayBuffer>;
  /** Aborts the call when the page goes away. */
  signal?: AbortSignal;
  timeoutMs: number;
  fetch: typeof fetch;
}

/**
 * The upstream's answer with its status and returned headers; its body streams through, and the
 * call is aborted when `timeoutMs` pass without an answer or between two chunks of the body.
 * Throws UpstreamTimeoutError when no answer came in time, UpstreamUnreachableError when the fetch
 * failed on the network; anything else thrown is a bug and passes through as it is.
 */
export async function forward(
  call: UpstreamCall,
): Promise<{ status: number; headers: Headers; body: ReadableStream<Uint8Array> | null }> {
  const controller = new AbortController();
  call.signal?.addEventListener("abort", () => controller.abort(call.signal?.reason));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new UpstreamTimeoutError("Constant Contact did not answer in time."));
    }, call.timeoutMs);
  };
  arm();
  let response: Response;
  try {
    response = await call.fetch(call.url, {
      method: call.method,
      headers: onlyForwarded(call.headers),
      body: call.method === "POST" ? call.body : undefined,
      redirect: "manual",
      credentials: "omit",
      signal: controller.signal,
    });
  } catch (error) {
    clearTimeout(timer);
    if (timedOut)
      throw new UpstreamTimeoutError("Constant Contact did not answer in time.", { cause: error });
    if (isFetchFailure(error)) {
      throw new UpstreamUnreachableError("Constant Contact could not be reached from the relay.", {
        cause: error,
      });
    }
    throw error;
  }
  const headers = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (!response.body) {
    clearTimeout(timer);
    return { status: response.status, headers, body: null };
  }
  // Each chunk re-arms the timer; the end of the body (or its failure) disarms it.
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, stream) {
      arm();
      stream.enqueue(chunk);
    },
    flush() {
      clearTimeout(timer);
    },
  });
  return { status: response.status, headers, body: response.body.pipeThrough(watch) };
}

function onlyForwarded(incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
