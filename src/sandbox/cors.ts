// CORS as a cross-origin API must send it: the caller's Origin echoed (no credentials, no cookies
// are used), preflights answered for Authorization and Content-Type, nothing extra exposed.

const ALLOWED_HEADERS = ["authorization", "content-type", "accept", "cache-control"];

export function withCors(response: Response, origin: string | null): Response {
  if (!origin) return response;
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", origin);
  headers.append("Vary", "Origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function preflight(request: Request): Response {
  const origin = request.headers.get("Origin");
  const method = request.headers.get("Access-Control-Request-Method") ?? "";
  const asked = (request.headers.get("Access-Control-Request-Headers") ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!origin || !["GET", "POST"].includes(method) || asked.some((h) => !ALLOWED_HEADERS.includes(h))) {
    return new Response(null, { status: 403 });
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
