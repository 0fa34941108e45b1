// CORS as a cross-origin API must send it, for the origins the sandbox was told and no others: any
// web page the user opens could otherwise read the API and drive the admin routes. No credentials,
// no cookies; preflights answered for Authorization and Content-Type; nothing extra exposed.

const ALLOWED_HEADERS = ["authorization", "content-type", "accept", "cache-control"];
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The origin in the one spelling the allow-list keeps: a loopback host (127.0.0.1, localhost,
 * [::1]) is the same machine and port under any of its names, so they count as one.
 */
export function canonicalOrigin(origin: string): string | undefined {
  if (!URL.canParse(origin)) return undefined;
  const url = new URL(origin);
  if (url.origin === "null") return undefined;
  return LOOPBACK_NAMES.has(url.hostname)
    ? `${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ""}`
    : url.origin;
}

/** The origins a sandbox answers CORS for (exact origins, loopback names folded together). */
export class AllowedOrigins {
  private readonly origins = new Set<string>();

  constructor(origins: readonly string[] = []) {
    for (const origin of origins) this.add(origin);
  }

  add(origin: string): void {
    const canonical = canonicalOrigin(origin);
    if (!canonical) throw new Error(`Not an origin: "${origin}" (expected e.g. http://127.0.0.1:4173).`);
    this.origins.add(canonical);
  }

  has(origin: string | null): origin is string {
    const canonical = origin === null ? undefined : canonicalOrigin(origin);
    return canonical !== undefined && this.origins.has(canonical);
  }

  list(): string[] {
    return [...this.origins];
  }
}

export function withCors(response: Response, origin: string | null, allowed: AllowedOrigins): Response {
  if (!allowed.has(origin)) return response;
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", origin);
  headers.append("Vary", "Origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function preflight(request: Request, allowed: AllowedOrigins): Response {
  const origin = request.headers.get("Origin");
  const method = request.headers.get("Access-Control-Request-Method") ?? "";
  const asked = (request.headers.get("Access-Control-Request-Headers") ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (
    !allowed.has(origin) ||
    !["GET", "POST"].includes(method) ||
    asked.some((h) => !ALLOWED_HEADERS.includes(h))
  ) {
    return new Response(null, { status: 403, headers: { Vary: "Origin" } });
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Cache-Control",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}
