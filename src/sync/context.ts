import { type AuthProvider, defaultAuthProvider } from "../api/auth";
import { type ApiClient, type FetchLike, makeApiClient } from "../api/client";
import { clock as appClock, type Clock } from "../core/clock";
import { MailroomError } from "../core/errors";
import { platformLocks } from "../core/locks";
import { getAccount } from "../db/accounts";
import type { Account, Generation } from "../db/types";
import { makePacer, type Pacer, requestsPerSecondFor } from "./pacer";
import { type RetryNotice, type RetryPolicy, withRetries } from "./retry";

/** Everything a sync function reaches outside itself; tests pass their own. */
export interface SyncDeps {
  fetch?: FetchLike;
  authProviderFor: (accountId: string, generation: Generation) => AuthProvider;
  clock: Clock;
  random: () => number;
  locks?: LockManager;
  retryPolicy?: RetryPolicy;
}

export interface SyncOptions {
  signal?: AbortSignal;
  /** Told before each retry of a failed request (see retry.ts). */
  onRetry?: (retry: RetryNotice) => void;
  deps?: Partial<SyncDeps>;
}

/** One generation's API for a sync run: every call is paced, budgeted, authorised and retried. */
export interface GenerationApi {
  generation: Generation;
  client: ApiClient;
  call<T>(request: (client: ApiClient, signal?: AbortSignal) => Promise<T>): Promise<T>;
}

export interface SyncContext {
  account: Account;
  deps: SyncDeps;
  signal?: AbortSignal;
  api(generation: Generation): GenerationApi;
}

export function resolveDeps(partial: Partial<SyncDeps> = {}): SyncDeps {
  const clock = partial.clock ?? appClock;
  return {
    // The stored tokens' expiry is read on the run's own clock, not the machine's.
    authProviderFor: (accountId, generation) => defaultAuthProvider(accountId, generation, clock),
    random: Math.random,
    locks: platformLocks(),
    ...partial,
    clock,
  };
}

export async function openSync(accountId: string, options: SyncOptions = {}): Promise<SyncContext> {
  const account = await getAccount(accountId);
  if (!account) throw new MailroomError("not_found", `There is no account ${accountId} on this device.`);
  const deps = resolveDeps(options.deps);
  const apis = new Map<Generation, GenerationApi>();
  return {
    account,
    deps,
    signal: options.signal,
    api(generation) {
      let api = apis.get(generation);
      if (!api) {
        api = generationApi(account, generation, deps, options.signal, options.onRetry);
        apis.set(generation, api);
      }
      return api;
    },
  };
}

/** The key whose budget a request spends: the application's, shared by all its users. */
export function appKeyOf(account: Account, generation: Generation): string {
  const key = generation === "v3" ? account.v3ClientId : account.v2ApiKey;
  return key ?? `${account.id}:${generation}`;
}

function generationApi(
  account: Account,
  generation: Generation,
  deps: SyncDeps,
  signal?: AbortSignal,
  onRetry?: (retry: RetryNotice) => void,
): GenerationApi {
  if (!account.generations.includes(generation)) {
    throw new MailroomError(
      "unauthorized",
      `Account "${account.label}" is not connected to the ${generation} API.`,
    );
  }
  const pacer: Pacer = makePacer({
    appKey: appKeyOf(account, generation),
    requestsPerSecond: requestsPerSecondFor(account),
    clock: deps.clock,
    locks: deps.locks,
  });
  const client = makeApiClient(account, generation, {
    auth: deps.authProviderFor(account.id, generation),
    fetch: deps.fetch,
    pace: () => pacer.slot(signal),
    now: () => deps.clock.now(),
  });
  return {
    generation,
    client,
    call: (request) =>
      withRetries(() => request(client, signal), {
        clock: deps.clock,
        random: deps.random,
        signal,
        policy: deps.retryPolicy,
        onRetry,
        onQuotaExceeded: async (error) => {
          if (error.details.resetsAt !== undefined) await pacer.block(error.details.resetsAt);
        },
      }),
  };
}
