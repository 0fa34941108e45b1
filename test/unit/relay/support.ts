import { makeRelay, type RelayDeps } from "../../../src/relay/handler";
import { type RelayEnv, relaySettingsFrom } from "../../../src/relay/settings";

export const MAILROOM = "https://mailroom.example.org";

export interface UpstreamCall {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/**
 * A relay whose upstream is a recording fake: each call is kept, and `answer` decides the
 * response (by default 200 JSON with a Set-Cookie, as a real gateway may send).
 */
export function relayWithFakeUpstream(
  options: {
    env?: RelayEnv;
    answer?: (call: UpstreamCall) => Response | Promise<Response>;
    deps?: RelayDeps;
  } = {},
) {
  const calls: UpstreamCall[] = [];
  const logs: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init, headers: new Headers(init.headers) };
    calls.push(call);
    if (options.answer) return options.answer(call);
    return new Response('{"ok":true}', {
      headers: { "Content-Type": "application/json", "Set-Cookie": "session=upstream; Secure; HttpOnly" },
    });
  }) as typeof globalThis.fetch;
  const settings = relaySettingsFrom({ RELAY_ALLOWED_ORIGINS: MAILROOM, ...options.env });
  const relay = makeRelay(settings, { fetch, log: (line) => logs.push(line), ...options.deps });
  return { relay, calls, logs };
}

/** A request as Mailroom's page sends it to the relay at https://relay.example.org. */
export function fromMailroom(path: string, init: RequestInit & { origin?: string | null } = {}): Request {
  const headers = new Headers(init.headers);
  const origin = init.origin === undefined ? MAILROOM : init.origin;
  if (origin !== null) headers.set("Origin", origin);
  return new Request(`https://relay.example.org${path}`, { ...init, headers });
}
