// The sandbox's mutable state, shared by the routes. Rebuilt from the config by `reset()`.
import type { Clock } from "./clock";
import type { SandboxConfig } from "./config";
import type { TokenStore } from "./credentials";
import type { World } from "./data/world";
import type { FaultState } from "./faults";
import type { DailyQuota, SlidingWindowLimiter } from "./limits";

export interface SandboxStats {
  total: number;
  /** Requests refused by a limit (per second, daily, token endpoint) or by a throttle-burst fault. */
  throttled: number;
  /** Requests per route, keyed "METHOD /path/{param}"; unmatched paths count under "unmatched". */
  byPath: Record<string, number>;
}

/** An authorize request waiting for the user's Allow or Deny on the consent page. */
export interface PendingConsent {
  generation: "v2" | "v3";
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: Set<string>;
  codeChallenge?: string;
  createdAt: number;
}

export interface SandboxState {
  config: SandboxConfig;
  clock: Clock;
  world: World;
  tokens: TokenStore;
  /** Per application key, per second (real time: it is about the client's pacing). */
  perSecond: SlidingWindowLimiter;
  daily: DailyQuota;
  /** The token endpoint allows about one request per second. */
  tokenEndpoint: SlidingWindowLimiter;
  faults: FaultState;
  stats: SandboxStats;
  consents: Map<string, PendingConsent>;
  /** Real-time source for the per-second limits (injectable for tests). */
  realNow: () => number;
}
