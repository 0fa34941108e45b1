// The sandbox's settings: what each one means, its defaults, and the bounds it is held to.
import { AUDIENCE_PRESETS, type AudiencePreset } from "./audience/presets";
import type { Faults } from "./faults";

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
  /**
   * The account simulated (audience/presets.ts): "standard" (the named campaigns tests and the demo
   * use, three contact lists of 5,000–12,000 people) or "bench-account" (50 send lists, about 1M
   * sends: one of 200,000, one of 100,000 sharing most of its people, the rest 16,000 each).
   */
  audience: AudiencePreset;
  /** Sent campaigns of the account, 0–1,000; default: the preset's (12 standard, 50 bench-account). */
  campaigns?: number;
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
  audience: "standard",
  bigCampaignSends: 10_000,
  extraV3Activities: 0,
  extraCampaigns: 0,
  latencyMs: 0,
  timeScale: 1,
  faults: {},
  allowedOrigins: [],
};

const MAX_BIG_CAMPAIGN = 1_000_000;
const MAX_EXTRA_V3_ACTIVITIES = 2_000;
const MAX_EXTRA_CAMPAIGNS = 900;
export const MAX_CAMPAIGNS = 1_000;

const clampInt = (value: number, max: number) => Math.max(0, Math.min(max, Math.floor(value)));

/** The defaults, overlaid with `config`, the sizes held to their bounds; copies, never aliases. */
export function resolveConfig(config: Partial<SandboxConfig>): SandboxConfig {
  const cfg: SandboxConfig = {
    ...DEFAULT_CONFIG,
    ...config,
    faults: { ...config.faults },
    allowedOrigins: [...(config.allowedOrigins ?? [])],
  };
  cfg.bigCampaignSends = clampInt(cfg.bigCampaignSends, MAX_BIG_CAMPAIGN);
  cfg.extraV3Activities = clampInt(cfg.extraV3Activities, MAX_EXTRA_V3_ACTIVITIES);
  cfg.extraCampaigns = clampInt(cfg.extraCampaigns, MAX_EXTRA_CAMPAIGNS);
  if (cfg.campaigns !== undefined) cfg.campaigns = clampInt(cfg.campaigns, MAX_CAMPAIGNS);
  if (!AUDIENCE_PRESETS.includes(cfg.audience))
    throw new Error(`audience must be one of ${AUDIENCE_PRESETS.join(", ")}, got "${cfg.audience}"`);
  return cfg;
}
