// The sandbox's own controls under /__sandbox (never under /v2, /v3 or /oauth2, so no client of
// the real API can reach them by accident): faults, statistics, reset and the simulated clock.
import type { Faults } from "../faults";
import { json } from "../http";
import type { Ctx, Route } from "../router";
import type { SandboxState } from "../state";

export interface AdminHooks {
  reset(): void;
  stats(): unknown;
  setFaults(changes: Partial<Faults> & { expireTokens?: boolean }): void;
  state(): SandboxState;
}

async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = JSON.parse((await request.text()) || "{}");
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function adminRoutes(hooks: AdminHooks): Route[] {
  const clockBody = () => ({
    now: new Date(hooks.state().clock.now()).toISOString(),
    anchor: new Date(hooks.state().clock.anchor).toISOString(),
  });
  return [
    { method: "GET", pattern: "/__sandbox/faults", handler: () => json(200, hooks.state().faults.current) },
    {
      method: "POST",
      pattern: "/__sandbox/faults",
      handler: async ({ request }: Ctx) => {
        const body = await readJson(request);
        if (!body) return json(400, { error: "Send a JSON object of fault switches." });
        try {
          hooks.setFaults(body as Partial<Faults> & { expireTokens?: boolean });
        } catch (error) {
          return json(400, { error: error instanceof Error ? error.message : String(error) });
        }
        return json(200, hooks.state().faults.current);
      },
    },
    { method: "GET", pattern: "/__sandbox/stats", handler: () => json(200, hooks.stats()) },
    {
      method: "POST",
      pattern: "/__sandbox/reset",
      handler: () => {
        hooks.reset();
        return json(200, { reset: true });
      },
    },
    { method: "GET", pattern: "/__sandbox/clock", handler: () => json(200, clockBody()) },
    {
      method: "POST",
      pattern: "/__sandbox/clock",
      handler: async ({ request }: Ctx) => {
        const body = await readJson(request);
        const advanceMs = body?.advanceMs;
        if (typeof advanceMs !== "number" || !Number.isFinite(advanceMs) || advanceMs < 0) {
          return json(400, { error: 'Send {"advanceMs": <non-negative number>}.' });
        }
        hooks.state().clock.advance(advanceMs);
        return json(200, clockBody());
      },
    },
  ];
}
