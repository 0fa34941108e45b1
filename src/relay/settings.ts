// The relay's settings, read from the same variables by every entry (Node's process.env, a
// Worker's env). A relay that would answer CORS for nobody, or for everybody, refuses to start.

export interface RelaySettings {
  /** Exact origins (scheme, host, port) whose pages may call the relay. */
  allowedOrigins: ReadonlySet<string>;
  /** Tests only: one loopback origin that replaces every Constant Contact host. */
  upstreamOverride?: string;
  /** Sustained requests per second per client; the bucket holds BURST_SECONDS of them. */
  ratePerSecond: number;
  /** Longest wait for the upstream to answer, or between two chunks of its body. */
  upstreamTimeoutMs: number;
  /** Largest request body forwarded (token, revoke and tokeninfo forms are a few hundred bytes). */
  maxBodyBytes: number;
}

export type RelayEnv = Record<string, string | undefined>;

/** Mailroom paces itself to 4 requests/s per account; 10/s leaves room for preflights and a second account. */
export const DEFAULT_RATE_PER_SECOND = 10;
export const UPSTREAM_TIMEOUT_MS = 30_000;
export const MAX_BODY_BYTES = 64 * 1024;

export class RelayConfigError extends Error {
  override name = "RelayConfigError";
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Validated settings from the environment; throws RelayConfigError saying what to fix. */
export function relaySettingsFrom(env: RelayEnv): RelaySettings {
  return {
    allowedOrigins: allowedOriginsFrom(env.RELAY_ALLOWED_ORIGINS),
    upstreamOverride: upstreamOverrideFrom(env.RELAY_UPSTREAM),
    ratePerSecond: rateFrom(env.RELAY_RATE_PER_S),
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    maxBodyBytes: MAX_BODY_BYTES,
  };
}

function allowedOriginsFrom(value: string | undefined): Set<string> {
  const listed = (value ?? "").split(/[\s,]+/).filter(Boolean);
  if (listed.length === 0) {
    throw new RelayConfigError(
      "RELAY_ALLOWED_ORIGINS is required: the origins where Mailroom runs, e.g. https://mailroom.example.org " +
        "(comma-separated for several).",
    );
  }
  for (const origin of listed) {
    if (origin.includes("*"))
      throw new RelayConfigError("RELAY_ALLOWED_ORIGINS takes exact origins, no wildcard.");
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new RelayConfigError(
        `RELAY_ALLOWED_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path or trailing slash).`,
      );
    }
  }
  return new Set(listed);
}

function upstreamOverrideFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !["http:", "https:"].includes(url.protocol) || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new RelayConfigError(
      `RELAY_UPSTREAM is for tests only and must be a loopback origin such as http://127.0.0.1:4174 (got "${value}").`,
    );
  }
  return url.origin;
}

function rateFrom(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_RATE_PER_SECOND;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 1) {
    throw new RelayConfigError(
      `RELAY_RATE_PER_S must be a number of requests per second ≥ 1 (got "${value}").`,
    );
  }
  return rate;
}
