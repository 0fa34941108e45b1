// The only places the relay forwards to: Constant Contact's API and sign-in hosts, each path
// family with the one method Mailroom uses on it. Everything else is refused before any upstream
// is contacted, so the relay cannot be turned into a proxy to anywhere else.

/** Constant Contact's hosts, by what they serve (see the API reference). */
export const UPSTREAMS = {
  v3Api: "https://api.cc.email",
  v3Auth: "https://authz.constantcontact.com",
  v2Api: "https://api.constantcontact.com",
  v2Auth: "https://oauth2.constantcontact.com",
} as const;

export type Upstream = keyof typeof UPSTREAMS;

export interface RelayRoute {
  upstream: Upstream;
  /** The one method forwarded on this path (OPTIONS preflights aside). */
  method: "GET" | "POST";
}

const EXACT: Record<string, RelayRoute> = {
  "/oauth2/default/v1/token": { upstream: "v3Auth", method: "POST" },
  "/oauth2/default/v1/revoke": { upstream: "v3Auth", method: "POST" },
  "/oauth2/tokeninfo.htm": { upstream: "v2Auth", method: "POST" },
};

/**
 * The route of a path, or undefined (404). API paths keep their `/v3` and `/v2` prefix upstream:
 * Mailroom's API bases are origins, and it appends `/v3/…` and `/v2/…` itself.
 */
export function routeOf(pathname: string): RelayRoute | undefined {
  const exact = EXACT[pathname];
  if (exact) return exact;
  if (pathname.startsWith("/v3/") && pathname.length > 4) return { upstream: "v3Api", method: "GET" };
  if (pathname.startsWith("/v2/") && pathname.length > 4) return { upstream: "v2Api", method: "GET" };
  return undefined;
}
