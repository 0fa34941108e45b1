// A tiny path router. Patterns use `{name}` segments, and the pattern string doubles as the key
// of the request statistics, e.g. "GET /v3/activities/{activity_id}".
import type { SandboxState } from "./state";

export interface Ctx {
  request: Request;
  url: URL;
  params: Record<string, string>;
  state: SandboxState;
}

export type Handler = (ctx: Ctx) => Response | Promise<Response>;

export interface Route {
  method: "GET" | "POST";
  pattern: string;
  handler: Handler;
}

export type Match = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined;

export function matchRoute(routes: readonly Route[], method: string, path: string): Match {
  const parts = path.split("/");
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, parts);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

function matchPattern(pattern: string, parts: string[]): Record<string, string> | undefined {
  const wanted = pattern.split("/");
  if (wanted.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i] as string;
    const p = parts[i] as string;
    if (w.startsWith("{") && w.endsWith("}")) {
      if (!p) return undefined;
      params[w.slice(1, -1)] = decodeURIComponent(p);
    } else if (w !== p) return undefined;
  }
  return params;
}
