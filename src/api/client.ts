import ky, { type KyInstance } from "ky";
import type { AuthProvider } from "../auth/types";
import { clock } from "../core/clock";
import { demoFetch, isDemoUrl } from "../core/demo";
import type { Generation } from "../core/types";
import { toRelativeRequestPath } from "./links";
import { badResponse, mapResponseError, mapThrownError, type RequestContext } from "./mapError";

/** What a client needs of a stored account (src/db's Account has these fields): where, and v2's key. */
export interface ApiAccount {
  endpoints: { v3Api: string; v2Api: string };
  /** v2 API key, sent as `api_key` on every v2 call. */
  v2ApiKey?: string;
}

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  auth: AuthProvider;
  /** Defaults to the global fetch, or the demo answerer (src/core/demo.ts) for demo accounts. */
  fetch?: FetchLike;
  /** Waits for a request slot (pace and daily budget); runs before every HTTP request, retries included. */
  pace?: () => Promise<void>;
  now?: () => number;
  timeoutMs?: number;
}

export interface CallOptions {
  searchParams?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  context: Omit<RequestContext, "generation" | "now">;
}

/** One account's client for one API generation: base URL, auth, api_key (v2), pacing, error mapping. */
export interface ApiClient {
  generation: Generation;
  origin: string;
  /** GET a path or a paging link and return its parsed JSON. Throws MailroomError. */
  getJson(pathOrLink: string, options: CallOptions): Promise<unknown>;
  /** GET a file (an export's results) as a Blob. Throws MailroomError. */
  getBlob(pathOrLink: string, options: CallOptions): Promise<Blob>;
}

export function makeApiClient(
  account: ApiAccount,
  generation: Generation,
  options: ApiClientOptions,
): ApiClient {
  const origin = generation === "v3" ? account.endpoints.v3Api : account.endpoints.v2Api;
  const fetchImpl: FetchLike =
    options.fetch ?? (isDemoUrl(origin) ? demoFetch : (input, init) => globalThis.fetch(input, init));
  const now = options.now ?? clock.now;
  const instance = kyFor(account, generation, origin, fetchImpl, options);

  async function send(pathOrLink: string, call: CallOptions, accept: string): Promise<Response> {
    const ctx: RequestContext = { ...call.context, generation, now: now() };
    const path = toRelativeRequestPath(pathOrLink);
    const searchParams = definedParams(call.searchParams);
    const attempt = async (token?: string) => {
      try {
        const headers: Record<string, string> = { Accept: accept };
        if (token) headers.Authorization = `Bearer ${token}`;
        return await instance.get(path, { searchParams, signal: call.signal, headers });
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        throw mapThrownError(error, ctx, origin);
      }
    };
    const token = await accessTokenOrMapped(options.auth, ctx, origin);
    let response = await attempt(token);
    if (response.status === 401) {
      // One refresh (shared by every tab and the worker), then one retry; a second 401 is final.
      let fresh: string;
      try {
        fresh = await options.auth.refreshAfterUnauthorized(token);
      } catch (error) {
        throw mapThrownError(error, ctx, origin);
      }
      response = await attempt(fresh);
    }
    if (!response.ok) {
      throw mapResponseError(response.status, await response.text(), response.headers, {
        ...ctx,
        now: now(),
      });
    }
    return response;
  }

  return {
    generation,
    origin,
    async getJson(pathOrLink, call) {
      const response = await send(pathOrLink, call, "application/json");
      const text = await response.text();
      if (text.trim() === "") return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw badResponse(call.context, "the body is not JSON (cut short?).", error, true);
      }
    },
    async getBlob(pathOrLink, call) {
      const response = await send(pathOrLink, call, "*/*");
      return response.blob();
    },
  };
}

/** The configured ky of one client: base URL, timeout, no retries of its own, pacing, v2's api_key. */
function kyFor(
  account: ApiAccount,
  generation: Generation,
  origin: string,
  fetchImpl: FetchLike,
  options: ApiClientOptions,
): KyInstance {
  const apiKey = account.v2ApiKey;
  return ky.create({
    prefixUrl: origin,
    retry: 0, // retries are the sync engine's (pacing-aware); ky's own would bypass the budget
    timeout: options.timeoutMs ?? 30_000,
    throwHttpErrors: false,
    fetch: fetchImpl,
    hooks: {
      beforeRequest: [
        async (request) => {
          await options.pace?.();
          // The bearer token is set per attempt by send(), which must know which token a 401
          // rejected in order to refresh it; here only what every request needs regardless.
          // v2 wants api_key on every call, next_link pages included (they do not carry it).
          if (generation !== "v2" || !apiKey) return;
          const url = new URL(request.url);
          if (url.searchParams.has("api_key")) return;
          url.searchParams.set("api_key", apiKey);
          return new Request(url, request);
        },
      ],
    },
  });
}

async function accessTokenOrMapped(auth: AuthProvider, ctx: RequestContext, origin: string): Promise<string> {
  try {
    return await auth.accessToken();
  } catch (error) {
    throw mapThrownError(error, ctx, origin);
  }
}

function definedParams(params: CallOptions["searchParams"]): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
