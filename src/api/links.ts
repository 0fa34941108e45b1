/**
 * Paging links and file URLs come back as paths (`/v3/...?cursor`) or whole URLs. Requests are made
 * against the account's configured origin (which may be a CORS proxy with its own path prefix), so
 * only the path and query are kept, without the leading slash that ky's prefixUrl refuses.
 */
export function toRelativeRequestPath(link: string): string {
  const pathAndQuery = /^https?:\/\//i.test(link) ? pathAndQueryOf(link) : link;
  return pathAndQuery.replace(/^\/+/, "");
}

function pathAndQueryOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
