// The one source of the security headers Mailroom is served with. The Vite build puts the policy in
// index.html's <meta> and writes dist/_headers from it, the static server of `npm start` and the
// tests sends it, and `npm run deploy-files` writes deploy/_headers and deploy/nginx.conf from it.

/** Where the app talks to Constant Contact: API v3, its sign-in server, API v2 and v2's token check. */
export const CONSTANT_CONTACT_ORIGINS = [
  "https://api.cc.email",
  "https://authz.constantcontact.com",
  "https://api.constantcontact.com",
  "https://oauth2.constantcontact.com",
];

/** The sandbox runs on a loopback port of its own: allowed only in builds made for it. */
export const LOOPBACK_ORIGINS = ["http://127.0.0.1:*", "http://localhost:*"];

export interface PolicyOptions {
  /** Origins the app may also call, e.g. a relay (MAILROOM_CONNECT_SRC). */
  extraConnectSrc: string[];
  /** A build for the sandbox (`npm start`, E2E tests, bench): loopback origins allowed. */
  sandbox: boolean;
}

const HTTPS_ORIGIN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:(\d{1,5}|\*))?$/i;

/**
 * Reads MAILROOM_CONNECT_SRC (origins separated by spaces or commas) and MAILROOM_SANDBOX_BUILD=1.
 * Anything that is not an https origin (or a loopback one) is refused with its value, so a typo
 * never ships as a policy that silently blocks the relay.
 */
export function policyOptionsFromEnv(env: Record<string, string | undefined> = process.env): PolicyOptions {
  const extraConnectSrc = (env.MAILROOM_CONNECT_SRC ?? "")
    .split(/[\s,]+/)
    .map((origin) => origin.replace(/\/+$/, ""))
    .filter((origin) => origin !== "");
  for (const origin of extraConnectSrc) {
    if (!HTTPS_ORIGIN.test(origin) && !LOOPBACK_ORIGIN.test(origin)) {
      throw new Error(
        `MAILROOM_CONNECT_SRC: "${origin}" is not an origin such as https://relay.example.com ` +
          "(https, no path; http only on 127.0.0.1 or localhost).",
      );
    }
  }
  return { extraConnectSrc, sandbox: env.MAILROOM_SANDBOX_BUILD === "1" };
}

/**
 * The Content-Security-Policy. `frame-ancestors` works only as a header (a <meta> policy ignores it
 * and Chromium logs a complaint), so `forMeta` leaves it out. What the app needs, checked in
 * Chromium with this policy on: its own scripts and styles (no inline ones, no eval), its own
 * module worker for exports, data: images, and fetches to Constant Contact.
 */
export function contentSecurityPolicy(options: PolicyOptions, forMeta = false): string {
  const connectSrc = [
    "'self'",
    ...CONSTANT_CONTACT_ORIGINS,
    ...options.extraConnectSrc,
    ...(options.sandbox ? LOOPBACK_ORIGINS : []),
  ];
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...new Set(connectSrc)].join(" ")}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"]),
  ];
  return directives.join("; ");
}

/** Every response's security headers. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/** `base` as Vite has it: starts and ends with a slash. */
function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/**
 * `_headers` for Netlify and Cloudflare Pages: the security headers on every path, hashed assets
 * cached for good, the worker and the page always revalidated so a new build is noticed.
 */
export function headersFile(options: PolicyOptions, base = "/"): string {
  const root = normalizeBase(base);
  const lines = [
    "# Written by the Mailroom build from scripts/lib/security-headers.ts: edit that, not this.",
    `${root}*`,
    ...Object.entries(securityHeaders(options)).map(([name, value]) => `  ${name}: ${value}`),
    `${root}assets/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    `${root}sw.js`,
    "  Cache-Control: no-cache",
    `${root}index.html`,
    "  Cache-Control: no-cache",
  ];
  return `${lines.join("\n")}\n`;
}

/** An nginx `location` block: the headers, the same caching, and the SPA fallback to index.html. */
export function nginxSnippet(options: PolicyOptions, base = "/"): string {
  const root = normalizeBase(base);
  const headers = Object.entries(securityHeaders(options)).map(
    ([name, value]) => `  add_header ${name} "${value}" always;`,
  );
  const lines = [
    `# Mailroom under ${root}: include inside your server { } block; the build's dist/ must be the`,
    `# folder <root>${root}. Written from scripts/lib/security-headers.ts: edit that, not this.`,
    `location ${root} {`,
    ...headers,
    '  add_header Cache-Control "no-cache" always;',
    "  # Any path that is not a file opens the app, which routes it (the SPA fallback).",
    `  try_files $uri ${root}index.html;`,
    "",
    `  location ${root}assets/ {`,
    // add_header in a nested block replaces the outer ones, so they are repeated here.
    ...headers.map((line) => `  ${line}`),
    '    add_header Cache-Control "public, max-age=31536000, immutable" always;',
    "    try_files $uri =404;",
    "  }",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}
