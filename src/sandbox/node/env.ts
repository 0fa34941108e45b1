// Sandbox settings from the environment, for `npm start`, `npm run dev` and `npm run sandbox`.
import { AUDIENCE_PRESETS, type AudiencePreset } from "../audience/presets";
import { MAX_CAMPAIGNS } from "../config";
import type { SandboxConfig } from "../core";

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

/** SANDBOX_CAMPAIGNS: how many sent campaigns, refused (not clamped) outside 0–1,000. */
function campaigns(value: string | undefined): number | undefined {
  const count = int(value?.trim(), "SANDBOX_CAMPAIGNS");
  if (count !== undefined && count > MAX_CAMPAIGNS)
    throw new Error(`SANDBOX_CAMPAIGNS must be at most ${MAX_CAMPAIGNS} sent campaigns, got "${value}"`);
  return count;
}

function audience(value: string | undefined): AudiencePreset | undefined {
  if (value === undefined || value === "") return undefined;
  const preset = AUDIENCE_PRESETS.find((p) => p === value);
  if (!preset)
    throw new Error(`SANDBOX_AUDIENCE must be one of ${AUDIENCE_PRESETS.join(", ")}, got "${value}"`);
  return preset;
}

export function configFromEnv(env: NodeJS.ProcessEnv): Partial<SandboxConfig> {
  const config: Partial<SandboxConfig> = {};
  const sends = int(env.SANDBOX_SENDS, "SANDBOX_SENDS");
  if (sends !== undefined) config.bigCampaignSends = sends;
  const sent = campaigns(env.SANDBOX_CAMPAIGNS);
  if (sent !== undefined) config.campaigns = sent;
  const preset = audience(env.SANDBOX_AUDIENCE);
  if (preset !== undefined) config.audience = preset;
  if (env.SANDBOX_AUTO_APPROVE === "1") config.autoApprove = true;
  const lifetime = int(env.SANDBOX_TOKEN_LIFETIME_S, "SANDBOX_TOKEN_LIFETIME_S");
  if (lifetime !== undefined) config.accessTokenLifetimeS = lifetime;
  const seed = int(env.SANDBOX_SEED, "SANDBOX_SEED");
  if (seed !== undefined) config.seed = seed;
  const rate = int(env.SANDBOX_RATE_LIMIT, "SANDBOX_RATE_LIMIT");
  if (rate !== undefined) config.rateLimit = rate;
  const latency = int(env.SANDBOX_LATENCY_MS, "SANDBOX_LATENCY_MS");
  if (latency !== undefined) config.latencyMs = latency;
  const origins = env.SANDBOX_ALLOWED_ORIGINS?.split(",").map((origin) => origin.trim());
  if (origins?.some(Boolean)) config.allowedOrigins = origins.filter(Boolean);
  return config;
}

export function portFromEnv(env: NodeJS.ProcessEnv): number {
  return int(env.SANDBOX_PORT, "SANDBOX_PORT") ?? 4174;
}
