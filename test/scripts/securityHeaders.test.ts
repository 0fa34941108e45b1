// @vitest-environment node
// One source for the security headers: the policy's contents, the env it is built from, and the
// committed deploy files, which must be exactly what the module writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  headersFile,
  nginxSnippet,
  policyOptionsFromEnv,
} from "../../scripts/lib/security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("the Content-Security-Policy", () => {
  it("lets a deployed build reach Constant Contact and the given origins, never loopback", () => {
    const policy = contentSecurityPolicy(
      policyOptionsFromEnv({ MAILROOM_CONNECT_SRC: "https://relay.example.com/, https://*.example.org" }),
    );
    expect(directive(policy, "connect-src")).toEqual([
      "'self'",
      "https://api.cc.email",
      "https://authz.constantcontact.com",
      "https://api.constantcontact.com",
      "https://oauth2.constantcontact.com",
      "https://relay.example.com",
      "https://*.example.org",
    ]);
    expect(directive(policy, "form-action")).toEqual(["'none'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|127\.0\.0\.1|localhost/);
  });

  it("allows loopback origins only in a build for the sandbox", () => {
    const policy = contentSecurityPolicy(policyOptionsFromEnv({ MAILROOM_SANDBOX_BUILD: "1" }));
    expect(directive(policy, "connect-src")).toEqual(
      expect.arrayContaining(["http://127.0.0.1:*", "http://localhost:*"]),
    );
  });

  it("leaves frame-ancestors out of the <meta> policy, where browsers ignore it", () => {
    const meta = contentSecurityPolicy(policyOptionsFromEnv({}), true);
    expect(meta).not.toContain("frame-ancestors");
    expect(meta).toContain("form-action 'none'");
  });

  it("refuses MAILROOM_CONNECT_SRC entries that are not origins, naming them", () => {
    for (const bad of [
      "relay.example.com",
      "http://relay.example.com",
      "https://relay.example.com/v3",
      "*",
    ]) {
      expect(() => policyOptionsFromEnv({ MAILROOM_CONNECT_SRC: bad }), bad).toThrow(bad);
    }
  });
});

describe("the deploy files", () => {
  it("are exactly what the module writes (run npm run deploy-files after changing it)", () => {
    const policy = policyOptionsFromEnv({});
    expect(readFileSync("deploy/_headers", "utf8")).toBe(headersFile(policy));
    expect(readFileSync("deploy/nginx.conf", "utf8")).toBe(nginxSnippet(policy));
  });

  it("put every rule under the base path of a sub-path build", () => {
    const policy = policyOptionsFromEnv({});
    const headers = headersFile(policy, "/mailroom/");
    expect(headers).toContain("/mailroom/*\n  Content-Security-Policy:");
    expect(headers).toContain("/mailroom/assets/*\n  Cache-Control: public, max-age=31536000, immutable");
    const nginx = nginxSnippet(policy, "/mailroom/");
    expect(nginx).toContain("location /mailroom/ {");
    expect(nginx).toContain("try_files $uri /mailroom/index.html;");
  });
});
