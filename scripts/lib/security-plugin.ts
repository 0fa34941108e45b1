import type { Plugin } from "vite";
import { contentSecurityPolicy, headersFile, type PolicyOptions } from "./security-headers";

/**
 * The build's security policy, from scripts/lib/security-headers.ts: a <meta> CSP in index.html
 * (the only one a host without custom headers, such as GitHub Pages, can carry) and `_headers` in
 * dist/ for hosts that read it (Netlify, Cloudflare Pages), written for the build's base path.
 * Build only: the dev server injects inline styles for hot reload, which the policy refuses.
 */
export function securityPolicy(options: PolicyOptions): Plugin {
  let base = "/";
  return {
    name: "mailroom-security-policy",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    // Right after the charset, before any script or style the policy governs.
    transformIndexHtml: (html) => {
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}: the CSP goes after it`);
      const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options, true)}" />`;
      return html.replace(charset, `${charset}\n    ${policy}`);
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "_headers", source: headersFile(options, base) });
    },
  };
}
