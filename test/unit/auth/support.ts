import { afterEach, beforeEach, vi } from "vitest";
import { endpointsOn } from "../../../src/auth/presets";
import { type Account, db, MailroomDb, type StoredToken, useDb } from "../../../src/db";

export const AUTH_ORIGIN = "https://auth.test.example";

/** A private database per test, so tests never see each other's rows. */
export function freshDb(): MailroomDb {
  return useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
}

/** Each test of the calling file starts on a fresh database holding `account`; its global stubs go after it. */
export function eachTestWithAccount(account: Account): void {
  beforeEach(async () => {
    freshDb();
    await db().accounts.add(account);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: crypto.randomUUID(),
    label: "Acme",
    v3ClientId: "client-123",
    v2ApiKey: "key-123",
    generations: ["v3", "v2"],
    scopes: "contact_data campaign_data offline_access",
    endpoints: endpointsOn(AUTH_ORIGIN),
    sandbox: false,
    createdAt: Date.now(),
    ...overrides,
  };
}

export function makeToken(accountId: string, overrides: Partial<StoredToken> = {}): StoredToken {
  return {
    accountId,
    generation: "v3",
    accessToken: "access-1",
    refreshToken: "refresh-1",
    expiresAt: Date.now() + 3600_000,
    updatedAt: Date.now(),
    ...overrides,
  };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** Replaces the global fetch (what the auth module uses outside demo mode) with a recorder. */
export function stubFetch(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return answer(request);
  });
  vi.stubGlobal("fetch", spy);
  return { requests, spy };
}

export async function formOf(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

export { manualWaits } from "../../support/manualWaits";

/**
 * A global fetch whose first `hanging` requests never answer (they end only when their signal
 * aborts, as a real fetch does); later ones get `answer`.
 */
export function hangingFetch(hanging: number, answer: () => Response = () => new Response(null)) {
  const requests: Request[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      if (requests.length > hanging) return Promise.resolve(answer());
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (signal) signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }),
  );
  return { requests };
}

/** A complete activities cache of `rows` rows for the account: what signing out keeps and erasing drops. */
export function putActivitiesCache(accountId: string, rows: number): Promise<string> {
  return db().syncState.put({
    dataset: `${accountId}|activities`,
    accountId,
    kind: "activities",
    status: "complete",
    pages: 1,
    rows,
  });
}
