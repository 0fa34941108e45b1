// Sandbox settings from the environment, for `npm start`, `npm run dev` and `npm run sandbox`.
import type { SandboxConfig } from "../core";

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function configFromEnv(env: NodeJS.ProcessEnv): Partial<SandboxConfig> {
  const config: Partial<SandboxConfig> = {};
  const sends = int(env.SANDBOX_SENDS, "SANDBOX_SENDS");
  if (sends !== undefined) config.bigCampaignSends = sends;
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
