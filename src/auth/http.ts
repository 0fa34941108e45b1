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
  // TODO(auth): `(await import("../sandbox/browser/demo")).demoFetch` once the sandbox ships it.
  throw new Error("Demo mode is not available in this build yet.");
}

/** The sandbox runs on plain http on the loopback; everything else must be https. */
export function isLoopbackHttp(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (
    protocol === "http:" && (hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]")
  );
}
