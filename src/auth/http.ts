import { isDemoUrl } from "./presets";

/**
 * The fetch for one auth endpoint. Demo-mode URLs are answered in the page by the sandbox's demo
 * adapter, imported lazily so that it stays out of the main bundle; everything else goes to the
 * network through the global fetch (which tests replace with the sandbox core).
 */
export async function fetchFor(url: string): Promise<typeof fetch> {
  if (!isDemoUrl(url)) return (input, init) => globalThis.fetch(input, init);
  return loadDemoFetch();
}

/** The sandbox's in-page demo adapter (demo mode only), loaded on first use. */
export async function loadDemoFetch(): Promise<typeof fetch> {
  // biome-ignore lint/style/noRestrictedImports: the app reaches the sandbox only by this lazy import of its demo adapter
  const { demoFetch } = await import("../sandbox/browser/demo");
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
      await new Promise((done) => setTimeout(done, retryAfterS > 0 ? retryAfterS * 1000 : waitMs));
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
