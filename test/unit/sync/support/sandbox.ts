import type { AuthProvider } from "../../../../src/auth/types";
import { allSendsOf, db } from "../../../../src/db";
import type { Account, Generation } from "../../../../src/db/types";
import { makeSandbox, type Sandbox, type SandboxConfig } from "../../../../src/sandbox/core";
import { V2_API_KEY, V3_CLIENT_ID } from "../../../../src/sandbox/credentials";
import { sendCount, v2SendRow, v3SendRow } from "../../../../src/sandbox/data/sends";
import type { SyncDeps } from "../../../../src/sync/context";
import { fakeClock, makeAccount } from "./fakes";

const ORIGIN = "http://127.0.0.1:4174";
const REDIRECT = "http://127.0.0.1:5173/auth/callback";

/**
 * The sandbox core in-process as the fetch of the sync engine. Its per-second limiter reads the
 * same fake clock as Mailroom's pacer, so pacing is tested for real and runs instantly; its own
 * simulated time is frozen (timeScale 0) and moved with `sandbox.advance`.
 */
export async function sandboxSession(config: Partial<SandboxConfig> = {}, account: Partial<Account> = {}) {
  const clock = fakeClock();
  const sandbox = makeSandbox(
    {
      autoApprove: true,
      timeScale: 0,
      startTime: clock.now(),
      rateLimit: 0,
      bigCampaignSends: 2_345,
      ...config,
    },
    { realNow: () => clock.now() },
  );
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(new URL(request.url));
    return sandbox.handle(request);
  };
  const tokens = { v2: await v2Token(sandbox), v3: await v3Token(sandbox) };
  const stored = makeAccount({
    id: "sandbox-1",
    sandbox: true,
    v3ClientId: V3_CLIENT_ID,
    v2ApiKey: V2_API_KEY,
    requestsPerSecond: 0,
    endpoints: { ...makeAccount().endpoints, v2Api: ORIGIN, v3Api: ORIGIN },
    ...account,
  });
  await db().accounts.put(stored);
  let seed = 1;
  const deps: Partial<SyncDeps> = {
    fetch,
    clock,
    locks: undefined,
    // Jitter from a small deterministic generator, so a failing run can be replayed.
    random: () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    },
    authProviderFor: (_id, generation) => staticAuth(generation, tokens[generation]),
  };
  return { sandbox, clock, account: stored, deps, requests };
}

function staticAuth(generation: Generation, token: string): AuthProvider {
  return {
    generation,
    accessToken: async () => token,
    refreshAfterUnauthorized: async () => token,
  };
}

async function v2Token(sandbox: Sandbox): Promise<string> {
  const url = new URL(`${ORIGIN}/oauth2/oauth/siteowner/authorize`);
  url.search = new URLSearchParams({
    response_type: "token",
    client_id: V2_API_KEY,
    redirect_uri: REDIRECT,
    state: "s",
  }).toString();
  const response = await sandbox.handle(new Request(url));
  const fragment = new URLSearchParams(new URL(response.headers.get("Location") ?? "").hash.slice(1));
  return fragment.get("access_token") ?? "";
}

async function v3Token(sandbox: Sandbox): Promise<string> {
  const verifier = "v".repeat(43);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  const challenge = btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  const url = new URL(`${ORIGIN}/oauth2/default/v1/authorize`);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: V3_CLIENT_ID,
    redirect_uri: REDIRECT,
    state: "s",
    scope: "contact_data campaign_data offline_access",
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  const redirect = await sandbox.handle(new Request(url));
  const code = new URL(redirect.headers.get("Location") ?? "").searchParams.get("code") ?? "";
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT,
    client_id: V3_CLIENT_ID,
    code_verifier: verifier,
  });
  const response = await sandbox.handle(
    new Request(`${ORIGIN}/oauth2/default/v1/token`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  const json = (await response.json()) as { access_token?: string };
  return json.access_token ?? "";
}

/** The sandbox's own list of a v3 campaign activity's sends, as `sentAt|contactId` keys. */
export function expectedV3Keys(sandbox: Sandbox, campaignActivityId: string): string[] {
  const series = sandbox.world.campaignActivity.get(campaignActivityId)?.series;
  if (!series) return [];
  const count = sendCount(series, sandbox.now());
  return Array.from({ length: count }, (_, i) => {
    const row = v3SendRow(sandbox.config.seed, series, campaignActivityId, i);
    return `${new Date(row.created_time).toISOString()}|${row.contact_id}`;
  }).sort();
}

/** The sandbox's own list of a v2 campaign's sends, as `sentAt|contactId` keys. */
export function expectedV2Keys(sandbox: Sandbox, campaignId: string): string[] {
  const campaign = sandbox.world.campaignByV2Id.get(campaignId);
  const series = campaign?.primary;
  if (!series) return [];
  const count = sendCount(series, sandbox.now());
  return Array.from({ length: count }, (_, i) => {
    const row = v2SendRow(sandbox.config.seed, series, campaignId, i);
    return `${new Date(row.send_date).toISOString()}|${row.contact_id}`;
  }).sort();
}

/** What Mailroom holds for a dataset, as the same keys. */
export async function heldKeys(dataset: string): Promise<string[]> {
  const rows = await allSendsOf(dataset);
  return rows.map((r) => `${r.sentAt}|${r.contactId}`).sort();
}

export function campaignByKey(sandbox: Sandbox, key: string) {
  const campaign = sandbox.world.campaigns.find((c) => c.key === key);
  if (!campaign) throw new Error(`The sandbox has no campaign "${key}"`);
  return campaign;
}
