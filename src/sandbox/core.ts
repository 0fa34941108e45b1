// The sandbox: a simulated Constant Contact (API v2, API v3 and their sign-in) as one pure
// fetch-style function, `handle(request) → response`, over a seeded, time-driven state. The Node
// server (node/serve.ts) and the in-browser demo (browser/demo.ts) are thin adapters over it.
import { clock as realTime } from "../core/clock";
import { type Receipt, receivedBy, whoReceived } from "./audience/received";
import { type SendCampaignOptions, sendCampaignNow } from "./audience/sendLater";
import { makeClock } from "./clock";
import { resolveConfig, type SandboxConfig } from "./config";
import { AllowedOrigins } from "./cors";
import { TokenStore } from "./credentials";
import type { CampaignSpec } from "./data/campaigns";
import { buildWorld, removeCampaign, type World } from "./data/world";
import { checkFaults, FaultState, type Faults } from "./faults";
import { handle } from "./handle";
import { DailyQuota, SlidingWindowLimiter } from "./limits";
import type { Route } from "./router";
import { adminRoutes } from "./routes/admin";
import { apiRoutes } from "./routes/index";
import type { SandboxState, SandboxStats } from "./state";

export type { Receipt } from "./audience/received";
export type { SendCampaignOptions } from "./audience/sendLater";
export { DEFAULT_CONFIG, type SandboxConfig } from "./config";
export type { Faults } from "./faults";
export type { SandboxStats } from "./state";

export interface Sandbox {
  readonly config: SandboxConfig;
  /** The generated account (specs only; rows are generated per page). */
  readonly world: World;
  handle(request: Request): Promise<Response>;
  /** Simulated time, epoch ms. */
  now(): number;
  advance(ms: number): void;
  /** Switch faults on/off; `expireTokens: true` expires every access token issued so far, once. */
  setFaults(changes: Partial<Faults> & { expireTokens?: boolean }): void;
  faults(): Faults;
  stats(): SandboxStats;
  /** Back to a fresh state (tokens, limits, stats, faults, clock); same data. */
  reset(): void;
  /** Answers CORS for `origin` from now on (an app started after the sandbox, on a free port). */
  allowOrigin(origin: string): void;
  /**
   * Who received a campaign (v3 or v2 id) or campaign activity by now, from the sandbox's own
   * data, oldest first. A v2 id gives its primary run (what v2 reports); an unknown id throws.
   */
  whoReceived(id: string): Receipt[];
  /** One person's sends (by email or v2 contact id) across every campaign, newest first. */
  receivedBy(person: string): Receipt[];
  /** Sends a new campaign now (simulated time) to contact lists; `reset()` takes it away again. */
  sendCampaign(options?: SendCampaignOptions): CampaignSpec;
}

export function makeSandbox(
  config: Partial<SandboxConfig> = {},
  options: { realNow?: () => number } = {},
): Sandbox {
  const cfg = resolveConfig(config);
  // Not part of the state: a reset keeps the origins the servers that started the sandbox told it.
  const allowed = new AllowedOrigins(cfg.allowedOrigins);
  const firstClock = makeClock({ startTime: cfg.startTime, timeScale: cfg.timeScale, anchor: cfg.anchor });
  const world = buildWorld(cfg.seed, firstClock.anchor, cfg);
  const realNow = options.realNow ?? (() => realTime.now());

  const fresh = (
    clock = makeClock({ startTime: cfg.startTime, timeScale: cfg.timeScale, anchor: firstClock.anchor }),
  ): SandboxState => {
    const faults = new FaultState(cfg.seed);
    faults.set(checkFaults(cfg.faults));
    return {
      config: cfg,
      clock,
      world,
      tokens: new TokenStore(cfg.tokenSecret),
      perSecond: new SlidingWindowLimiter(cfg.rateLimit),
      daily: new DailyQuota(cfg.dailyLimit),
      tokenEndpoint: new SlidingWindowLimiter(cfg.tokenRateLimit),
      faults,
      stats: { total: 0, throttled: 0, byPath: {} },
      consents: new Map(),
      realNow,
    };
  };
  let state = fresh(firstClock);
  const sentLater: CampaignSpec[] = [];
  let laterSerial = 0;

  const sandbox: Sandbox = {
    config: cfg,
    world,
    handle: (request) => handle(state, routes, allowed, request),
    now: () => state.clock.now(),
    advance: (ms) => state.clock.advance(ms),
    setFaults(changes) {
      const { expireTokens, ...switches } = changes;
      state.faults.set(checkFaults(switches));
      if (expireTokens) state.tokens.expireAllAccess(state.clock.now());
    },
    faults: () => ({ ...state.faults.current }),
    stats: () => ({ ...state.stats, byPath: { ...state.stats.byPath } }),
    reset() {
      for (const campaign of sentLater.splice(0)) removeCampaign(world, campaign);
      laterSerial = 0;
      state = fresh();
    },
    allowOrigin(origin) {
      allowed.add(origin);
      cfg.allowedOrigins = allowed.list();
    },
    whoReceived: (id) => whoReceived(world, cfg.seed, state.clock.now(), id),
    receivedBy: (person) => receivedBy(world, cfg.seed, state.clock.now(), person),
    sendCampaign(options = {}) {
      const now = state.clock.now();
      const campaign = sendCampaignNow(world, cfg.seed, firstClock.anchor, now, options, laterSerial);
      laterSerial++;
      sentLater.push(campaign);
      return campaign;
    },
  };
  const routes: Route[] = [
    ...apiRoutes,
    ...adminRoutes({
      reset: sandbox.reset,
      stats: sandbox.stats,
      setFaults: sandbox.setFaults,
      state: () => state,
      whoReceived: sandbox.whoReceived,
      receivedBy: sandbox.receivedBy,
      sendCampaign: sandbox.sendCampaign,
    }),
  ];
  return sandbox;
}
