import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * What the first visit downloads before the first screen runs: the entry script and everything
 * index.html preloads, gzipped as a server would send them. Lazy chunks are not counted.
 */
export function measureBundle(distDir: string): { initial_js_gz_kb: number; css_gz_kb: number } {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)];
  const gzKb = (paths: string[]) =>
    paths.reduce((sum, path) => sum + gzipSync(readFileSync(join(distDir, path))).length, 0) / 1024;
  const unique = (matches: RegExpMatchArray[]) => [...new Set(matches.map((m) => m[1] ?? ""))];
  return {
    initial_js_gz_kb: round(gzKb(unique(scripts))),
    css_gz_kb: round(gzKb(unique(styles))),
  };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
