// The sandbox: a simulated Constant Contact (API v2, API v3 and their sign-in) as one pure
// fetch-style function, `handle(request) → response`, over a seeded, time-driven state. The Node
// server (node/serve.ts) and the in-browser demo (browser/demo.ts) are thin adapters over it.
import { clock as realTime } from "../core/clock";
import { makeClock } from "./clock";
import { AllowedOrigins, preflight, withCors } from "./cors";
import { TokenStore } from "./credentials";
import { buildWorld, type World } from "./data/world";
import { notFoundFor, v3Error } from "./errors";
import { checkFaults, FaultState, type Faults } from "./faults";
import { json } from "./http";
import { DailyQuota, SlidingWindowLimiter } from "./limits";
import { matchRoute, type Route } from "./router";
import { adminRoutes } from "./routes/admin";
import { apiRoutes } from "./routes/index";
import type { SandboxState, SandboxStats } from "./state";

export type { Faults } from "./faults";
export type { SandboxStats } from "./state";

export interface SandboxConfig {
  /** Seed of every generated value. Same seed (and start time) → same data. */
  seed: number;
  /** The consent page approves itself (scripted tests, demo mode). */
  autoApprove: boolean;
  /** v3 access-token lifetime in seconds (the real one: 24 h). Short in tests. */
  accessTokenLifetimeS: number;
  /** API requests per second per application key (real: 4). 0 = no per-second limit. */
  rateLimit: number;
  /** API requests per UTC day per application key (real: 10,000). */
  dailyLimit: number;
  /** Token-endpoint requests per second per client (real: about 1). 0 = no limit. */
  tokenRateLimit: number;
  /** Sends of the configurable big campaign, 0–1,000,000 (generated page by page, on demand). */
  bigCampaignSends: number;
  /** v3 activities added to the usual ones, 0–2,000, all finished and within retention: over ~440
   *  the v3 list needs a second page of 500. */
  extraV3Activities: number;
  /** Sent campaigns added to the usual ones, 0–900, one send each: over ~42 the v2 SENT list needs
   *  a second page of 50, over ~490 the v3 emails list a second page of 500. */
  extraCampaigns: number;
  /** Fixed latency added to every response, ms. */
  latencyMs: number;
  /** Where simulated time starts (epoch ms); default: now. The data is anchored to its minute. */
  startTime?: number;
  /**
   * The instant the generated data is anchored to, when it is not `startTime`'s minute: the demo
   * keeps the anchor of its first visit, so its world and its jobs go on where they were.
   */
  anchor?: number;
  /**
   * Tokens carry their claims and a mark made with this secret, so any sandbox given the same
   * secret accepts them (signedTokens.ts): the demo runs a new sandbox on every page load.
   */
  tokenSecret?: string;
  /** Simulated ms per real ms: 1 = real time, 0 = frozen (only `advance` moves time). */
  timeScale: number;
  /** Faults switched on from the start (see faults.ts). */
  faults: Partial<Faults>;
  /** Origins answered with CORS (the app's; more with `allowOrigin`). Other pages get none. */
  allowedOrigins: string[];
}

export const DEFAULT_CONFIG: SandboxConfig = {
  seed: 20_240_601,
  autoApprove: false,
  accessTokenLifetimeS: 86_400,
  rateLimit: 4,
  dailyLimit: 10_000,
  tokenRateLimit: 1,
  bigCampaignSends: 10_000,
  extraV3Activities: 0,
  extraCampaigns: 0,
  latencyMs: 0,
  timeScale: 1,
  faults: {},
  allowedOrigins: [],
};

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
}

const MAX_BIG_CAMPAIGN = 1_000_000;
const MAX_EXTRA_V3_ACTIVITIES = 2_000;
const MAX_EXTRA_CAMPAIGNS = 900;

const clampInt = (value: number, max: number) => Math.max(0, Math.min(max, Math.floor(value)));

export function makeSandbox(
  config: Partial<SandboxConfig> = {},
  options: { realNow?: () => number } = {},
): Sandbox {
  const cfg: SandboxConfig = {
    ...DEFAULT_CONFIG,
    ...config,
    faults: { ...config.faults },
    allowedOrigins: [...(config.allowedOrigins ?? [])],
  };
  // Not part of the state: a reset keeps the origins the servers that started the sandbox told it.
  const allowed = new AllowedOrigins(cfg.allowedOrigins);
  cfg.bigCampaignSends = clampInt(cfg.bigCampaignSends, MAX_BIG_CAMPAIGN);
  cfg.extraV3Activities = clampInt(cfg.extraV3Activities, MAX_EXTRA_V3_ACTIVITIES);
  cfg.extraCampaigns = clampInt(cfg.extraCampaigns, MAX_EXTRA_CAMPAIGNS);
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
      state = fresh();
    },
    allowOrigin(origin) {
      allowed.add(origin);
      cfg.allowedOrigins = allowed.list();
    },
  };
  const routes: Route[] = [
    ...apiRoutes,
    ...adminRoutes({
      reset: sandbox.reset,
      stats: sandbox.stats,
      setFaults: sandbox.setFaults,
      state: () => state,
    }),
  ];
  return sandbox;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function handle(
  state: SandboxState,
  routes: Route[],
  allowed: AllowedOrigins,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const origin = request.headers.get("Origin");
  const corsOff = state.faults.current.corsOff;
  state.stats.total += 1;
  if (request.method === "OPTIONS") {
    state.stats.byPath.OPTIONS = (state.stats.byPath.OPTIONS ?? 0) + 1;
    return corsOff ? new Response(null, { status: 403 }) : preflight(request, allowed);
  }
  const match = matchRoute(routes, request.method, url.pathname);
  const key = match && "route" in match ? `${match.route.method} ${match.route.pattern}` : "unmatched";
  state.stats.byPath[key] = (state.stats.byPath[key] ?? 0) + 1;
  const delay = state.config.latencyMs + state.faults.delayMs();
  if (delay > 0) await sleep(delay);
  const generation = /^\/(v2|v3)\//.exec(url.pathname)?.[1] as "v2" | "v3" | undefined;
  let response: Response;
  if (!match) response = notFoundFor(generation);
  else if ("methodNotAllowed" in match) response = json(405, { error: "Method not allowed" });
  else {
    const failure = generation ? state.faults.failureFor(generation) : undefined;
    if (failure && (failure.status === 429 || failure.status === 403)) state.stats.throttled += 1;
    try {
      response = failure ?? (await match.route.handler({ request, url, params: match.params, state }));
    } catch (error) {
      response = v3Error(
        500,
        "server.error",
        `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (generation) {
      const next = url.searchParams.get("next");
      response = await state.faults.mangle(
        response,
        next === null ? undefined : `${url.pathname}?next=${next}`,
      );
    }
  }
  return corsOff ? response : withCors(response, origin, allowed);
}
