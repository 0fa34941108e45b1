import { clock } from "../core/clock";
import { demoFetch, isDemoUrl } from "../core/demo";

/**
 * The fetch for one auth endpoint. Demo-mode URLs are answered by whoever answers them in this
 * program (src/core/demo.ts: the page's own sandbox, or a page for the worker); everything else
 * goes to the network through the global fetch (which tests replace with the sandbox core).
 */
export async function fetchFor(url: string): Promise<typeof fetch> {
  if (!isDemoUrl(url)) return (input, init) => globalThis.fetch(input, init);
  return demoFetch;
}

/**
 * Retries a request the server refused with 429. Constant Contact's token endpoint allows about
 * one request per second per application, shared by every user of a deployment, so a sign-in or a
 * refresh that collides with another is worth one or two more tries after a short wait.
 */
export function retryingOn429(fetchImpl: typeof fetch, tries = 3, waitMs = 1100): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetchImpl(input, init);
      if (response.status !== 429 || attempt >= tries) return response;
      const retryAfterS = Number(response.headers.get("Retry-After"));
      await clock.sleep(retryAfterS > 0 ? retryAfterS * 1000 : waitMs);
    }
  };
}

/** The sandbox runs on plain http on the loopback; everything else must be https. */
export function isLoopbackHttp(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (
    protocol === "http:" && (hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]")
  );
}
