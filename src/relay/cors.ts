// CORS for exact allowed origins only. Never Access-Control-Allow-Credentials: Mailroom sends its
// token in Authorization, not in cookies, and a relay that allowed credentials could be used by
// any allowed page to act with a user's Constant Contact session.

/** The only request headers forwarded (lower case, as Headers reads them). */
export const FORWARDED_REQUEST_HEADERS = ["authorization", "accept", "content-type"] as const;

/** Response headers the page may read beyond CORS's safelisted ones (auth retries on 429). */
const EXPOSED = "Retry-After";

/** The CORS headers of an actual (non-preflight) answer to an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED, Vary: "Origin" };
}

/**
 * The answer to a preflight from an allowed origin: 204 when it asks for the path's own method
 * and forwarded headers only, else 403. A page on the public internet calling a relay on the
 * user's own machine asks for Private Network Access, which is granted to allowed origins.
 */
export function preflightAnswer(request: Request, origin: string, method: string): Response {
  const askedMethod = request.headers.get("Access-Control-Request-Method");
  const askedHeaders = (request.headers.get("Access-Control-Request-Headers") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const known = new Set<string>(FORWARDED_REQUEST_HEADERS);
  if (askedMethod !== method || askedHeaders.some((name) => !known.has(name))) {
    return new Response(null, { status: 403, headers: { Vary: "Origin" } });
  }
  const headers: Record<string, string> = {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": method,
    "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
  if (request.headers.get("Access-Control-Request-Private-Network") === "true") {
    headers["Access-Control-Allow-Private-Network"] = "true";
  }
  return new Response(null, { status: 204, headers });
}
