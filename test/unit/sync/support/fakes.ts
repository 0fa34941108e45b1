import type { AuthProvider } from "../../../../src/auth/types";
import type { Clock } from "../../../../src/core/clock";
import { MailroomDb, useDb } from "../../../../src/db";
import type { Account, Generation } from "../../../../src/db/types";
import type { SyncDeps } from "../../../../src/sync/context";

/** A database of its own for each test. */
export function freshDb(): MailroomDb {
  return useDb(new MailroomDb(`test-${crypto.randomUUID()}`));
}

/** A clock whose sleeps return at once and move time forward: pacing tests run instantly. */
export function fakeClock(
  start = Date.UTC(2026, 10, 25, 12, 0, 0),
): Clock & { slept: number[]; set(t: number): void } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    set(t) {
      now = t;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      slept.push(ms);
      now += ms;
    },
  };
}

export function fakeAuth(
  generation: Generation,
  tokens: string[] = ["token-1", "token-2"],
): AuthProvider & {
  refreshes: string[];
} {
  let current = 0;
  const refreshes: string[] = [];
  return {
    generation,
    refreshes,
    accessToken: async () => tokens[current] ?? "token-x",
    async refreshAfterUnauthorized(rejected) {
      refreshes.push(rejected);
      current = Math.min(current + 1, tokens.length - 1);
      return tokens[current] ?? "token-x";
    },
  };
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  const origin = "https://cc.test";
  return {
    id: "acc-1",
    label: "Test account",
    v3ClientId: "client-1",
    v2ApiKey: "key-1",
    generations: ["v2", "v3"],
    scopes: "contact_data campaign_data offline_access",
    endpoints: {
      v3Api: origin,
      v3Authorize: `${origin}/authorize`,
      v3Token: `${origin}/token`,
      v3Revoke: `${origin}/revoke`,
      v2Api: origin,
      v2Authorize: `${origin}/v2auth`,
      v2TokenInfo: `${origin}/tokeninfo`,
    },
    sandbox: false,
    createdAt: 1,
    ...overrides,
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export type Handler = (url: URL, request: Request) => Response | Promise<Response>;

/** A fetch answering from a handler; records every request (URL and Authorization). */
export function recordingFetch(handler: Handler) {
  const requests: { url: URL; authorization: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push({ url, authorization: request.headers.get("Authorization") });
    return handler(url, request);
  };
  return { fetch, requests };
}

/** Deps for sync functions: fake clock, fake auth per generation, no jitter. */
export function testDeps(
  fetch: SyncDeps["fetch"],
  clock = fakeClock(),
): Partial<SyncDeps> & { clock: ReturnType<typeof fakeClock> } {
  return {
    fetch,
    clock,
    random: () => 0.5,
    locks: undefined,
    authProviderFor: (_accountId, generation) => fakeAuth(generation),
  };
}

/** A LockManager for one process: exclusive locks queue per name, as Web Locks do across tabs. */
export function memoryLocks(): LockManager & { granted: string[] } {
  const tails = new Map<string, Promise<unknown>>();
  const granted: string[] = [];
  const request = (name: string, ...rest: unknown[]) => {
    const callback = rest.at(-1) as (lock: Lock) => unknown;
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(() => {
      granted.push(name);
      return callback({ name, mode: "exclusive" } as Lock);
    });
    // The queue moves on whether the holder succeeded or failed; the caller still sees the failure.
    tails.set(
      name,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  };
  return { granted, request, query: async () => ({ held: [], pending: [] }) } as unknown as LockManager & {
    granted: string[];
  };
}
