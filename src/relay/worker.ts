// The relay as a Cloudflare Worker: `npx wrangler deploy src/relay/worker.ts` (see README, Relay).
// The Worker's variables are the Node server's: RELAY_ALLOWED_ORIGINS (required), RELAY_RATE_PER_S.
// The rate cap lives in the isolate's memory, so it is per isolate: a guard, not a quota.
import { makeRelay, type RelayHandler } from "./handler";
import { RelayConfigError, type RelayEnv, relaySettingsFrom } from "./settings";

// Built once per isolate, where the rate cap's buckets live; a change of variables is a new deployment.
let relay: RelayHandler | undefined;

export default {
  async fetch(request: Request, env: RelayEnv): Promise<Response> {
    try {
      relay ??= makeRelay(relaySettingsFrom(env), { log: (line) => console.log(line) });
    } catch (error) {
      // A Worker cannot refuse to start: it refuses every request and says why, as Node would.
      if (!(error instanceof RelayConfigError)) throw error;
      console.error(`Relay not started: ${error.message}`);
      return new Response(`Relay not started: ${error.message}\n`, { status: 500 });
    }
    return relay(request, request.headers.get("CF-Connecting-IP") ?? "unknown");
  },
};
