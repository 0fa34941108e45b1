// The sandbox: a simulated Constant Contact (API v2, API v3 and their sign-in) as one pure
// fetch-style function, `handle(request) → response`, over a seeded, time-driven state. The Node
// server (node/serve.ts) and the in-browser demo (browser/demo.ts) are thin adapters over it.
import { clock as realTime } from "../core/clock";
import { createClock } from "./clock";
import { preflight, withCors } from "./cors";
import { TokenStore } from "./credentials";
import { buildWorld, type World } from "./data/world";
import { v2Error, v3Error } from "./errors";
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
}

export const DEFAULT_CONFIG: SandboxConfig = {
  seed: 20_240_601,
  autoApprove: false,
  accessTokenLifetimeS: 86_400,
  rateLimit: 4,
  dailyLimit: 10_000,
  tokenRateLimit: 1,
  bigCampaignSends: 10_000,
  latencyMs: 0,
  timeScale: 1,
  faults: {},
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
}

const MAX_BIG_CAMPAIGN = 1_000_000;

export function createSandbox(
  config: Partial<SandboxConfig> = {},
  options: { realNow?: () => number } = {},
): Sandbox {
  const cfg: SandboxConfig = { ...DEFAULT_CONFIG, ...config, faults: { ...config.faults } };
  cfg.bigCampaignSends = Math.max(0, Math.min(MAX_BIG_CAMPAIGN, Math.floor(cfg.bigCampaignSends)));
  const firstClock = createClock({ startTime: cfg.startTime, timeScale: cfg.timeScale, anchor: cfg.anchor });
  const world = buildWorld(cfg.seed, firstClock.anchor, cfg.bigCampaignSends);
  const realNow = options.realNow ?? (() => realTime.now());

  const fresh = (
    clock = createClock({ startTime: cfg.startTime, timeScale: cfg.timeScale, anchor: firstClock.anchor }),
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
    handle: (request) => handle(state, routes, request),
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

async function handle(state: SandboxState, routes: Route[], request: Request): Promise<Response> {
  const url = new URL(request.url);
  const origin = request.headers.get("Origin");
  const corsOff = state.faults.current.corsOff;
  state.stats.total += 1;
  if (request.method === "OPTIONS") {
    state.stats.byPath.OPTIONS = (state.stats.byPath.OPTIONS ?? 0) + 1;
    return corsOff ? new Response(null, { status: 403 }) : preflight(request);
  }
  const match = matchRoute(routes, request.method, url.pathname);
  const key = match && "route" in match ? `${match.route.method} ${match.route.pattern}` : "unmatched";
  state.stats.byPath[key] = (state.stats.byPath[key] ?? 0) + 1;
  const delay = state.config.latencyMs + state.faults.delayMs();
  if (delay > 0) await sleep(delay);
  const generation = url.pathname.startsWith("/v2/")
    ? "v2"
    : url.pathname.startsWith("/v3/")
      ? "v3"
      : undefined;
  let response: Response;
  if (!match) response = notFound(generation);
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
  return corsOff ? response : withCors(response, origin);
}

function notFound(generation: "v2" | "v3" | undefined): Response {
  if (generation === "v2")
    return v2Error(404, "http.status.not_found", "The requested resource was not found.");
  if (generation === "v3") return v3Error(404, "not.found", "The requested resource was not found.");
  return json(404, { error: "not_found" });
}
