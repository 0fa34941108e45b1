// The sandbox's own controls under /__sandbox (never under /v2, /v3 or /oauth2, so no client of
// the real API can reach them by accident): faults, statistics, reset and the simulated clock.
// Every POST here must say `Content-Type: application/json`: a browser sends that type cross-site
// only after a preflight, which only the allowed origins pass, so no other page's form can reset.
import type { Receipt } from "../audience/received";
import { checkSendOptions, type SendCampaignOptions } from "../audience/sendLater";
import type { CampaignSpec } from "../data/campaigns";
import type { Faults } from "../faults";
import { json } from "../http";
import type { Ctx, Route } from "../router";
import type { SandboxState } from "../state";

export interface AdminHooks {
  reset(): void;
  stats(): unknown;
  setFaults(changes: Partial<Faults> & { expireTokens?: boolean }): void;
  state(): SandboxState;
  whoReceived(id: string): Receipt[];
  receivedBy(person: string): Receipt[];
  sendCampaign(options: SendCampaignOptions): CampaignSpec;
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

/** A POST that changes the sandbox, refused unless it declares a JSON body (see above). */
function jsonPost(pattern: string, handler: (ctx: Ctx) => Response | Promise<Response>): Route {
  return {
    method: "POST",
    pattern,
    handler: (ctx) => {
      const type = ctx.request.headers.get("Content-Type") ?? "";
      if (type.split(";")[0]?.trim().toLowerCase() !== "application/json") {
        return json(415, { error: "Admin requests must be sent with Content-Type: application/json." });
      }
      return handler(ctx);
    },
  };
}

export function adminRoutes(hooks: AdminHooks): Route[] {
  const clockBody = () => ({
    now: new Date(hooks.state().clock.now()).toISOString(),
    anchor: new Date(hooks.state().clock.anchor).toISOString(),
  });
  return [
    { method: "GET", pattern: "/__sandbox/faults", handler: () => json(200, hooks.state().faults.current) },
    jsonPost("/__sandbox/faults", async ({ request }: Ctx) => {
      const body = await readJson(request);
      if (!body) return json(400, { error: "Send a JSON object of fault switches." });
      try {
        hooks.setFaults(body as Partial<Faults> & { expireTokens?: boolean });
      } catch (error) {
        return json(400, { error: error instanceof Error ? error.message : String(error) });
      }
      return json(200, hooks.state().faults.current);
    }),
    { method: "GET", pattern: "/__sandbox/stats", handler: () => json(200, hooks.stats()) },
    jsonPost("/__sandbox/reset", () => {
      hooks.reset();
      return json(200, { reset: true });
    }),
    { method: "GET", pattern: "/__sandbox/clock", handler: () => json(200, clockBody()) },
    jsonPost("/__sandbox/clock", async ({ request }: Ctx) => {
      const body = await readJson(request);
      const advanceMs = body?.advanceMs;
      if (typeof advanceMs !== "number" || !Number.isFinite(advanceMs) || advanceMs < 0) {
        return json(400, { error: 'Send {"advanceMs": <non-negative number>}.' });
      }
      hooks.state().clock.advance(advanceMs);
      return json(200, clockBody());
    }),
    ...audienceRoutes(hooks),
  ];
}

/** Send a campaign now; who received a campaign; one person's history (audience/received.ts). */
function audienceRoutes(hooks: AdminHooks): Route[] {
  return [
    jsonPost("/__sandbox/campaigns", async ({ request }: Ctx) => {
      const body = await readJson(request);
      if (!body)
        return json(400, { error: 'Send a JSON object such as {"lists": ["newsletter"], "sends": 100}.' });
      try {
        const c = hooks.sendCampaign(checkSendOptions(body));
        return json(201, {
          campaign_id: c.v3Id,
          v2_campaign_id: c.v2Id,
          campaign_activity_id: c.primaryActivityId,
          name: c.name,
          sends: c.primary?.baseCount ?? 0,
          contact_list_ids: c.listIds,
        });
      } catch (error) {
        return json(400, { error: error instanceof Error ? error.message : String(error) });
      }
    }),
    {
      method: "GET",
      pattern: "/__sandbox/received/{id}",
      handler: ({ params }: Ctx) => {
        try {
          const receipts = hooks.whoReceived(params.id ?? "");
          return json(200, { count: receipts.length, receipts });
        } catch (error) {
          return json(404, { error: error instanceof Error ? error.message : String(error) });
        }
      },
    },
    {
      method: "GET",
      pattern: "/__sandbox/people/{person}",
      handler: ({ params }: Ctx) => {
        const receipts = hooks.receivedBy(params.person ?? "");
        return json(200, { count: receipts.length, receipts });
      },
    },
  ];
}
