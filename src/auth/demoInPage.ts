import { clock } from "../core/clock";
import { answerDemoRequestsWith, type DemoFetch } from "../core/demo";
import { demoWorldOr } from "../db";

/**
 * Makes this page answer demo requests (sign-in and API) with its own sandbox, over the demo world
 * persisted in IndexedDB: a reload or another tab runs a new sandbox that serves the same data and
 * accepts the tokens an earlier one issued. The sandbox is a lazily loaded chunk, fetched with the
 * first demo request. Pages only: the service worker relays its demo requests to a page instead
 * (src/sw/demoRelay.ts), so nothing the worker imports may import this module.
 * Returns the function that stops answering.
 */
export function answerDemoInPage(): () => void {
  let loading: Promise<DemoFetch> | undefined;
  const load = () => {
    loading ??= loadDemoSandbox().catch((error: unknown) => {
      loading = undefined; // a failed chunk load (offline before it was cached) is tried again next time
      throw error;
    });
    return loading;
  };
  return answerDemoRequestsWith(async (input, init) => (await load())(input, init));
}

async function loadDemoSandbox(): Promise<DemoFetch> {
  // biome-ignore lint/style/noRestrictedImports: the app reaches the sandbox only by this lazy import of its demo adapter
  const demo = await import("../sandbox/browser/demo");
  const world = await demoWorldOr(() => demo.newDemoWorld(clock.now()));
  return demo.demoFetchOver(demo.demoSandbox(world));
}
