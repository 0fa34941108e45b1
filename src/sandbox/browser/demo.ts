// Demo mode ("Explore with demo data"): the sandbox running inside the page, at the made-up origin
// DEMO_ORIGIN, so a static deployment can be tried with no server. Only the page loads it, lazily
// (src/auth/demoInPage.ts): it stays out of the main bundle and out of the service worker, which
// asks an open page to answer its demo requests instead (src/sw/demoRelay.ts).
//
// Every page load runs a new sandbox, so what must outlive it is persisted by the page (IndexedDB)
// and handed back here: the seed and anchor of the world (same data, jobs going on where they were,
// in simulated time that is real time since the first visit) and the secret its tokens are marked
// with (any later sandbox accepts the tokens an earlier one issued).
import { DEMO_ORIGIN, type DemoFetch, type DemoWorld } from "../../core/demo";
import { MINUTE_MS } from "../clock";
import { DEFAULT_CONFIG, makeSandbox, type Sandbox } from "../core";
import { randomToken } from "../random";

/** The world of a first visit at `now`. */
export function newDemoWorld(now: number): DemoWorld {
  return {
    seed: DEFAULT_CONFIG.seed,
    anchor: Math.floor(now / MINUTE_MS) * MINUTE_MS,
    tokenSecret: randomToken(32),
  };
}

/** A sandbox over a persisted world: consent approves itself, time runs as real time. */
export function demoSandbox(world: DemoWorld): Sandbox {
  return makeSandbox({
    autoApprove: true,
    seed: world.seed,
    anchor: world.anchor,
    tokenSecret: world.tokenSecret,
  });
}

/**
 * `fetch` for demo accounts. Requests to the demo origin are answered by the in-page sandbox
 * (the authorize URL answers 302 with the redirect carrying code and state: the app follows it
 * itself); anything else is refused, since demo mode never talks to a network.
 */
export function demoFetchOver(sandbox: Sandbox): DemoFetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== DEMO_ORIGIN) {
      throw new TypeError(`demoFetch only serves ${DEMO_ORIGIN}, not ${request.url}`);
    }
    return sandbox.handle(request);
  };
}
