// Demo mode ("Explore with demo data"): the sandbox running inside the page, at the made-up origin
// https://demo.mailroom.invalid, so a static deployment can be tried with no server. Loaded
// lazily by the api and auth modules; it must stay out of the main bundle.
import { createSandbox, type Sandbox } from "../core";

export const DEMO_ORIGIN = "https://demo.mailroom.invalid";

let sandbox: Sandbox | undefined;

/** The page's one demo sandbox, created on first use (consent approves itself). */
export function demoSandbox(): Sandbox {
  sandbox ??= createSandbox({ autoApprove: true });
  return sandbox;
}

/**
 * `fetch` for demo accounts. Requests to the demo origin are answered by the in-page sandbox
 * (the authorize URL answers 302 with the redirect carrying code and state: the app follows it
 * itself); anything else is refused, since demo mode never talks to a network.
 */
export async function demoFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (new URL(request.url).origin !== DEMO_ORIGIN) {
    throw new TypeError(`demoFetch only serves ${DEMO_ORIGIN}, not ${request.url}`);
  }
  return demoSandbox().handle(request);
}
