// Faults a client must survive, switchable at runtime (`sandbox.setFaults`, POST /__sandbox/faults).
// They apply to the API paths (/v2, /v3); latency and CORS apply to every path. Random faults draw
// from a generator seeded by the sandbox seed, so a run is reproducible.
import { v2GatewayError, v3Error, v3SingleError } from "./errors";
import { hashKeys, mulberry32 } from "./random";

export interface Faults {
  /** Added to every response (on top of config.latencyMs). */
  latencyMs: number;
  /** A random extra delay in [0, jitterMs). */
  jitterMs: number;
  /** Share (0–1) of API requests answered 500 / 503. */
  serverErrorRate: number;
  /** The next N API requests are throttled (v3 429 `throttled`, v2 403 over.qps). Counts down. */
  throttleBurst: number;
  /** Share (0–1) of API JSON bodies cut in half. */
  truncatedJsonRate: number;
  /** Share (0–1) of API JSON bodies that are not JSON at all. */
  malformedJsonRate: number;
  /** States and statuses carry values no client knows yet. */
  unknownEnums: boolean;
  /** No CORS headers at all (and preflights refused), as behind a misconfigured proxy. */
  corsOff: boolean;
  /** Paging links that point to the page just served, so a client that trusts them loops. */
  stuckNextLink: boolean;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  jitterMs: 0,
  serverErrorRate: 0,
  throttleBurst: 0,
  truncatedJsonRate: 0,
  malformedJsonRate: 0,
  unknownEnums: false,
  corsOff: false,
  stuckNextLink: false,
};

export class FaultState {
  current: Faults = { ...NO_FAULTS };
  private rng: () => number;

  constructor(private readonly seed: number) {
    this.rng = mulberry32(hashKeys(seed, "faults"));
  }

  set(changes: Partial<Faults>): void {
    this.current = { ...this.current, ...changes };
  }

  reset(): void {
    this.current = { ...NO_FAULTS };
    this.rng = mulberry32(hashKeys(this.seed, "faults"));
  }

  delayMs(): number {
    const { latencyMs, jitterMs } = this.current;
    return latencyMs + (jitterMs > 0 ? Math.floor(this.rng() * jitterMs) : 0);
  }

  /** A failure to answer instead of the real response, or undefined. */
  failureFor(generation: "v2" | "v3"): Response | undefined {
    if (this.current.throttleBurst > 0) {
      this.current.throttleBurst -= 1;
      return generation === "v3"
        ? v3SingleError(429, "throttled", "Too many requests.")
        : v2GatewayError(403, "mashery.not.authorized.over.qps", "Account Over Queries Per Second Limit");
    }
    if (this.current.serverErrorRate > 0 && this.rng() < this.current.serverErrorRate) {
      const status = this.rng() < 0.5 ? 500 : 503;
      return v3Error(status, "server.error", "There was a problem with our internal service.");
    }
    return undefined;
  }

  /** Rewrites a JSON body per the switched-on faults. `selfHref` is the link of the page served. */
  async mangle(response: Response, selfHref: string | undefined): Promise<Response> {
    const type = response.headers.get("Content-Type") ?? "";
    if (!type.startsWith("application/json")) return response;
    const f = this.current;
    if (!f.unknownEnums && !f.stuckNextLink && f.truncatedJsonRate <= 0 && f.malformedJsonRate <= 0)
      return response;
    let text = await response.text();
    if (f.unknownEnums || (f.stuckNextLink && selfHref)) {
      const body: unknown = JSON.parse(text);
      if (f.unknownEnums) replaceEnums(body);
      if (f.stuckNextLink && selfHref) pinNextLink(body, selfHref);
      text = JSON.stringify(body);
    }
    if (f.truncatedJsonRate > 0 && this.rng() < f.truncatedJsonRate)
      text = text.slice(0, Math.floor(text.length / 2));
    else if (f.malformedJsonRate > 0 && this.rng() < f.malformedJsonRate)
      text = `${text.slice(0, -1)},}<!-- proxy -->`;
    return new Response(text, { status: response.status, headers: response.headers });
  }
}

const FUTURE_VALUES: Record<string, string> = {
  state: "paused_for_review",
  status: "ON_HOLD",
  current_status: "Archived",
  role: "sms_reminder",
  tracking_activity_type: "em_sends_v2",
};

function replaceEnums(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) replaceEnums(item);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    const future = FUTURE_VALUES[key];
    if (future && typeof child === "string") record[key] = future;
    else replaceEnums(child);
  }
}

function pinNextLink(body: unknown, selfHref: string): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return;
  const record = body as {
    _links?: { next?: { href?: string } };
    meta?: { pagination?: { next_link?: string } };
  };
  if (record._links?.next?.href) record._links.next.href = selfHref;
  if (record.meta?.pagination?.next_link) record.meta.pagination.next_link = selfHref;
}

/** Keeps only known switches of the right type; throws on anything else (admin answers 400). */
export function checkFaults(changes: Record<string, unknown>): Partial<Faults> {
  const checked: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(changes)) {
    const expected = typeof NO_FAULTS[key as keyof Faults];
    if (!(key in NO_FAULTS)) throw new TypeError(`Unknown fault "${key}"`);
    if (typeof value !== expected || (typeof value === "number" && (!Number.isFinite(value) || value < 0))) {
      throw new TypeError(`Fault "${key}" needs a ${expected}${expected === "number" ? " ≥ 0" : ""}`);
    }
    checked[key] = value as number | boolean;
  }
  return checked as Partial<Faults>;
}
